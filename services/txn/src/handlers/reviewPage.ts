import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, CustomResourceEventSchema, objectStoreFrom, sendCustomResourceResponse } from '@sfc/shared';
import { loadTxnConfig } from '../config.js';
import { pageResource } from '../review/pageResource.js';

/** CloudFormation custom resource `ReviewPage` (resources/review.yml): writes the review page to its bucket. */
export async function handler(event: unknown) {
  const config = loadTxnConfig();
  // The bundle is one .cjs file (no import.meta for page.ts's lookup): the page travels beside it
  // (package.patterns), under the task root.
  const file = join(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), 'src/review/page.html');
  return pageResource({
    objects: await objectStoreFrom(config),
    page: () => readFileSync(file, 'utf8'),
    respond: sendCustomResourceResponse,
    log: createLogger('txn.reviewPage', { level: config.LOG_LEVEL }),
  }, CustomResourceEventSchema.parse(event));
}
