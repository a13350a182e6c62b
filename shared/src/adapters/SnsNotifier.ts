import { PublishCommand, SNSClient, type MessageAttributeValue } from '@aws-sdk/client-sns';
import type { Notification, Notifier } from '../ports/Notifier.js';
import { AdapterError } from '../errors.js';
import { maskPii, maskText } from '../logger/mask.js';
import { awsClientConfig, wrapAwsError } from './awsClientConfig.js';

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
    const message = JSON.stringify(maskPii(notification.body));
    if (Buffer.byteLength(message) > MESSAGE_MAX_BYTES) {
      throw new AdapterError(ADAPTER, `message of ${Buffer.byteLength(message)} bytes exceeds SNS's ${MESSAGE_MAX_BYTES}`);
    }
    // Attributes stay as given: they feed subscription filter policies (e.g. decision=block), like the outbox's.
    const attributes: Record<string, MessageAttributeValue> = {};
    for (const [name, value] of Object.entries(notification.attributes ?? {})) {
      attributes[name] = { DataType: 'String', StringValue: value };
    }
    try {
      await this.client.send(new PublishCommand({
        TopicArn: this.topicArn,
        Subject: snsSubject(notification.subject),
        Message: message,
        MessageAttributes: Object.keys(attributes).length > 0 ? attributes : undefined,
      }));
    } catch (err) {
      throw wrapAwsError(ADAPTER, `publish to ${this.topicArn}`, err);
    }
  }
}
