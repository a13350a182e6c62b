import { PublishBatchCommand, PublishCommand, SNSClient, type MessageAttributeValue } from '@aws-sdk/client-sns';
import type { Notification, Notifier } from '../ports/Notifier.js';
import { AdapterError, PartialPublishError } from '../errors.js';
import { maskPii, maskText } from '../logger/mask.js';
import { awsClientConfig, wrapAwsError } from './awsClientConfig.js';
import { runsOf } from '../util/runs.js';

export interface SnsNotifierOptions {
  topicArn: string;
  client?: SNSClient;
  endpoint?: string;
  region?: string;
}

const ADAPTER = 'SnsNotifier';
/** SNS limits: Subject at most 100 printable ASCII characters, message at most 256 KiB. */
export const SUBJECT_MAX = 100;
export const MESSAGE_MAX_BYTES = 256 * 1024;
/** SNS PublishBatch limits: 10 entries, 256 KiB for all of them together. */
export const BATCH_MAX_ENTRIES = 10;

/** Makes a subject SNS accepts: PII scrubbed, no line breaks, control or non-ASCII characters, 100 chars. */
export function snsSubject(subject: string): string {
  const clean = maskText(subject).replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e]/g, '?').trim();
  const cut = clean.length > SUBJECT_MAX ? `${clean.slice(0, SUBJECT_MAX - 3)}...` : clean;
  return cut || 'alert';
}

/** Notifier over an SNS topic; the body is masked with maskPii before it leaves the process. */
export class SnsNotifier implements Notifier {
  readonly client: SNSClient;
  readonly topicArn: string;

  constructor(options: SnsNotifierOptions) {
    if (!/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w.-]+$/.test(options.topicArn)) {
      throw new AdapterError(ADAPTER, `not an SNS topic ARN: ${options.topicArn}`);
    }
    this.topicArn = options.topicArn;
    this.client = options.client ?? new SNSClient(awsClientConfig(options.endpoint, options.region));
  }

  async publish(notification: Notification): Promise<void> {
    try {
      await this.client.send(new PublishCommand({ TopicArn: this.topicArn, ...entry(notification) }));
    } catch (err) {
      throw wrapAwsError(ADAPTER, `publish to ${this.topicArn}`, err);
    }
  }

  /**
   * PublishBatch calls of up to 10 entries and 256 KiB, one after another. Every batch is tried; when
   * any entry fails, a PartialPublishError names the failed ones (by index), so a caller can retry
   * exactly those and not re-send what SNS already accepted.
   */
  async publishMany(notifications: Notification[]): Promise<void> {
    const failed: { index: number; reason: string; retriable: boolean; cause?: unknown }[] = [];
    const entries: { index: number; entry: Entry }[] = [];
    notifications.forEach((n, index) => {
      try {
        entries.push({ index, entry: entry(n) });
      } catch (err) {
        failed.push({ index, reason: (err as Error).message, retriable: false });
      }
    });
    for (const batch of batches(entries)) {
      try {
        const out = await this.client.send(new PublishBatchCommand({
          TopicArn: this.topicArn,
          PublishBatchRequestEntries: batch.map((e) => ({ Id: String(e.index), ...e.entry })),
        }));
        for (const f of out.Failed ?? []) {
          // SenderFault: the request itself is wrong (retrying cannot help); otherwise SNS's side failed.
          failed.push({ index: Number(f.Id), reason: `${f.Code ?? 'error'} ${f.Message ?? ''}`.trim(), retriable: f.SenderFault !== true });
        }
      } catch (err) {
        const wrapped = wrapAwsError(ADAPTER, `publish batch of ${batch.length} to ${this.topicArn}`, err);
        for (const e of batch) failed.push({ index: e.index, reason: wrapped.message, retriable: wrapped.retriable, cause: err });
      }
    }
    if (failed.length === 0) return;
    failed.sort((a, b) => a.index - b.index);
    const [first] = failed;
    throw new PartialPublishError(
      ADAPTER,
      `publish to ${this.topicArn}: ${failed.length} of ${notifications.length} failed (first: #${first!.index}: ${first!.reason})`,
      failed.map((f) => f.index), notifications.length - failed.length,
      { retriable: failed.some((f) => f.retriable), cause: first!.cause },
    );
  }
}

type Entry = { Subject: string; Message: string; MessageAttributes?: Record<string, MessageAttributeValue> };

/** A notification as SNS takes it: masked body within SNS's size limit, subject cleaned, attributes. */
function entry(notification: Notification): Entry {
  const message = JSON.stringify(maskPii(notification.body));
  if (Buffer.byteLength(message) > MESSAGE_MAX_BYTES) {
    throw new AdapterError(ADAPTER, `message of ${Buffer.byteLength(message)} bytes exceeds SNS's ${MESSAGE_MAX_BYTES}`);
  }
  // Attributes stay as given: they feed subscription filter policies (e.g. decision=block), like the outbox's.
  const attributes: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(notification.attributes ?? {})) {
    attributes[name] = { DataType: 'String', StringValue: value };
  }
  return { Subject: snsSubject(notification.subject), Message: message, MessageAttributes: Object.keys(attributes).length > 0 ? attributes : undefined };
}

/** Entries in order, in runs SNS accepts in one PublishBatch (entry count and total size). */
function batches<T extends { entry: Entry }>(entries: T[]): T[][] {
  // Attributes count towards the size: a generous 1 KiB allowance covers names, types and values here.
  const sizeOf = ({ entry: e }: T) => Buffer.byteLength(e.Message) + Buffer.byteLength(e.Subject) + 1024;
  return runsOf(entries, { maxBytes: MESSAGE_MAX_BYTES, maxItems: BATCH_MAX_ENTRIES, sizeOf });
}
