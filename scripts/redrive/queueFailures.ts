import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { functionNameOf, type Failure, type FailureSource } from './failures.js';

/** Lambda's record of an asynchronous invocation that used up its retries (SQS/SNS on-failure destination). */
interface AsyncFailureRecord {
  requestContext: { functionArn: string; condition: string; approximateInvokeCount: number };
  requestPayload: unknown;
  responsePayload?: { errorType?: string; errorMessage?: string } | null;
}

/**
 * Asynchronous invocations (the cs scan's S3 events) in an SQS on-failure queue: each message holds
 * the original event as `requestPayload`. A replayed message is deleted; others come back after the
 * queue's visibility timeout.
 */
export function queueFailures(sqs: SQSClient, queueUrl: string, only?: string): FailureSource {
  return {
    describe: `queue ${queueUrl}`,
    async *list() {
      const seen = new Set<string>();
      for (;;) {
        const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 300 }));
        const messages = (out.Messages ?? []).filter((m) => !seen.has(m.MessageId!));
        if (messages.length === 0) return;
        for (const m of messages) {
          seen.add(m.MessageId!);
          const record = JSON.parse(m.Body ?? '{}') as AsyncFailureRecord;
          const functionName = functionNameOf(record.requestContext.functionArn);
          if (only && !functionName.endsWith(only)) continue;
          const failure: Failure = {
            id: m.MessageId!, functionName, functionArn: record.requestContext.functionArn, payload: record.requestPayload,
            reason: `${record.requestContext.condition} after ${record.requestContext.approximateInvokeCount} attempts${record.responsePayload?.errorMessage ? `: ${record.responsePayload.errorMessage}` : ''}`,
            done: async () => { await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle })); },
          };
          yield failure;
        }
      }
    },
  };
}
