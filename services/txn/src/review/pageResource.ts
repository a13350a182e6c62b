import { z } from 'zod';
import type { CustomResourceEvent, CustomResourceResponse, Logger, ObjectStore } from '@sfc/shared';
import { pageWithConfig } from './pageConfig.js';

export interface PageResourceDeps {
  objects: ObjectStore;
  /** The page's HTML as built (src/review/page.html). */
  page: () => string;
  respond: (url: string, response: CustomResourceResponse) => Promise<void>;
  log: Logger;
}

// CloudFormation passes custom resource properties as text.
const PropertiesSchema = z.object({
  Bucket: z.string().min(3),
  Domain: z.string(),
  ClientId: z.string(),
  RedirectUri: z.string(),
  ApiBase: z.string().default(''),
  /** The page file's digest: changes with the page, so an update of the code rewrites it. */
  PageDigest: z.string().optional(),
});

export const PAGE_KEY = 'index.html';

/**
 * The ReviewPage custom resource (resources/review.yml): Create and Update write the page, with this
 * stage's sign-in settings, to the private page bucket as index.html; Delete leaves it (the bucket is
 * retained with the stage's data, and `npm run purge` deletes it). CloudFormation always gets an answer.
 */
export async function pageResource(deps: PageResourceDeps, event: CustomResourceEvent): Promise<CustomResourceResponse> {
  const base = { StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId };
  let response: CustomResourceResponse;
  try {
    if (event.RequestType === 'Delete') {
      response = { ...base, Status: 'SUCCESS', PhysicalResourceId: event.PhysicalResourceId ?? `review-page:${event.RequestId}` };
    } else {
      const parsed = PropertiesSchema.safeParse(event.ResourceProperties);
      if (!parsed.success) throw new Error(`ReviewPage properties: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
      const p = parsed.data;
      const html = pageWithConfig(deps.page(), { auth: 'cognito', domain: p.Domain, clientId: p.ClientId, redirectUri: p.RedirectUri, apiBase: p.ApiBase });
      const put = await deps.objects.put(p.Bucket, PAGE_KEY, html, { contentType: 'text/html; charset=utf-8' });
      response = { ...base, Status: 'SUCCESS', PhysicalResourceId: `review-page:${p.Bucket}/${PAGE_KEY}`, Data: { Key: PAGE_KEY, Sha256: put.sha256 } };
      deps.log.info('review page written', { bucket: p.Bucket, key: PAGE_KEY, sha256: put.sha256 });
    }
  } catch (err) {
    const reason = (err as Error).message;
    response = { ...base, Status: 'FAILED', Reason: reason, PhysicalResourceId: event.PhysicalResourceId ?? `review-page-failed:${event.RequestId}` };
    deps.log.error('review page failed', { request: event.RequestType, reason });
  }
  await deps.respond(event.ResponseURL, response);
  return response;
}
