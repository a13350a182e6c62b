import { createLogger, CustomResourceEventSchema, sendCustomResourceResponse } from '@sfc/shared';
import { loadTxnConfig } from '../config.js';
import { kafkaTopicsFrom } from '../kafka/kafkaTopicsFrom.js';
import { topicsResource } from '../kafka/topicsResource.js';

interface LambdaContext {
  getRemainingTimeInMillis(): number;
}

/** CloudFormation custom resource `KafkaTopics` (resources/kafka.yml): creates and updates the stage's topics. */
export async function handler(event: unknown, context?: LambdaContext) {
  const request = CustomResourceEventSchema.parse(event);
  const config = loadTxnConfig();
  const started = Date.now();
  return topicsResource(
    {
      admin: async () => {
        const admin = (await kafkaTopicsFrom(config)).kafka.admin();
        await admin.connect();
        return admin;
      },
      respond: sendCustomResourceResponse,
      log: createLogger('txn.topics', { level: config.LOG_LEVEL }),
    },
    request,
    () => context?.getRemainingTimeInMillis() ?? 300_000 - (Date.now() - started),
  );
}
