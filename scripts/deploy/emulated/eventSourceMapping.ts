// Lambda's MSK event source mapping, emulated from its deployed configuration: the mapping's consumer
// group, topic, batch size and batching window, read back from the emulator, drive our Kafka runner
// against the local broker, and each batch invokes the deployed function through the Lambda API.
import { Kafka, logLevel } from 'kafkajs';
import { InvokeCommand, type EventSourceMappingConfiguration, type LambdaClient } from '@aws-sdk/client-lambda';
import { EventSourceRunner, type MskEvent } from '@sfc/shared';
import { KafkaRecordSource } from '@sfc/shared/runtime/KafkaRecordSource.js';

/** Invokes a function synchronously; a function error throws (the mapping retries the batch). */
export async function invokeFunction<R>(lambda: LambdaClient, name: string, event: unknown): Promise<R> {
  const res = await lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)) }));
  const payload = Buffer.from(res.Payload ?? new Uint8Array()).toString('utf8');
  if (res.FunctionError) throw new Error(`${name} failed: ${payload}`);
  return JSON.parse(payload) as R;
}

/** Runs the mapping until `done(results)` says so or `timeoutMs` passes; returns the handler results. */
export async function driveMapping<R>(lambda: LambdaClient, brokers: string, mapping: EventSourceMappingConfiguration, done: (results: R[]) => boolean, timeoutMs = 120_000): Promise<R[]> {
  const groupId = mapping.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId;
  const topic = mapping.Topics?.[0];
  if (!groupId || !topic) throw new Error(`event source mapping ${mapping.UUID} has no consumer group or topic`);
  const kafka = new Kafka({ clientId: 'sfc-emulated-esm', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const source = new KafkaRecordSource({ kafka, groupId, topic });
  const results: R[] = [];
  const runner = new EventSourceRunner<R>({
    name: `esm ${topic}`, source, eventSourceArn: mapping.EventSourceArn,
    batchSize: mapping.BatchSize ?? 100, maximumBatchingWindowMs: (mapping.MaximumBatchingWindowInSeconds ?? 0) * 1000,
    handler: (event: MskEvent) => invokeFunction<R>(lambda, mapping.FunctionArn!, event),
    onBatch: (r) => results.push(r),
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (!done(results)) {
      if (Date.now() > deadline) throw new Error(`mapping ${groupId} on ${topic}: not done after ${timeoutMs / 1000} s (${results.length} batches)`);
      await runner.runOnce();
    }
    return results;
  } finally {
    await source.stop();
  }
}
