/** One alert: a short subject and a JSON-serialisable body that holds no unmasked PII. */
export interface Notification {
  subject: string;
  body: Record<string, unknown>;
  /** Optional string attributes (SNS message attributes) for subscription filters. */
  attributes?: Record<string, string>;
}

/** Sends alerts to people: SNS in AWS, a JSON Lines outbox locally. */
export interface Notifier {
  publish(notification: Notification): Promise<void>;
  /** Publishes several, in order, in as few calls as the backend allows (SNS: 10 per PublishBatch). */
  publishMany(notifications: Notification[]): Promise<void>;
}
