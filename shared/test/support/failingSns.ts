import { PublishBatchCommand, type PublishBatchRequestEntry, type SNSClient } from '@aws-sdk/client-sns';

/**
 * An SNS client that forces failures: entries `failEntry` picks are answered as failed
 * (InternalError, not sent on), and the `failCall`-th PublishBatch call fails whole with a 503.
 */
export function failingSns(real: SNSClient, o: { failEntry: (entry: PublishBatchRequestEntry) => boolean; failCall?: number }): SNSClient & { batchCalls: () => number } {
  let calls = 0;
  const send = async (command: unknown) => {
    if (!(command instanceof PublishBatchCommand)) return real.send(command as never);
    calls += 1;
    if (calls === o.failCall) throw Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
    const entries = command.input.PublishBatchRequestEntries ?? [];
    const failing = new Set(entries.filter((e) => o.failEntry(e)));
    const pass = entries.filter((e) => !failing.has(e));
    const out = pass.length > 0 ? await real.send(new PublishBatchCommand({ ...command.input, PublishBatchRequestEntries: pass })) : { Successful: [], Failed: [] };
    const forced = [...failing].map((e) => ({ Id: e.Id!, Code: 'InternalError', Message: 'forced', SenderFault: false }));
    return { ...out, Failed: [...(out.Failed ?? []), ...forced] };
  };
  return { send, batchCalls: () => calls } as unknown as SNSClient & { batchCalls: () => number };
}
