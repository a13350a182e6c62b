import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notification, Notifier } from '../ports/Notifier.js';
import { maskPii } from '../logger/mask.js';

/**
 * Local stand-in for SNS: appends each alert to `<dir>/<channel>.jsonl` and prints one line,
 * so nothing is lost and a person sees alerts as they happen.
 */
export class OutboxNotifier implements Notifier {
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly dir: string,
    private readonly channel = 'alerts',
    private readonly print: ((line: string) => void) | null = (line) => console.log(line),
  ) {}

  get path(): string {
    return join(this.dir, `${this.channel}.jsonl`);
  }

  async publish(notification: Notification): Promise<void> {
    await this.publishMany([notification]);
  }

  /** One append for all of them: a batch's alerts land together. */
  async publishMany(notifications: Notification[]): Promise<void> {
    if (notifications.length === 0) return;
    this.ready ??= mkdir(this.dir, { recursive: true });
    await this.ready;
    const publishedAt = new Date().toISOString();
    const lines = notifications.map((n) => `${JSON.stringify({ published_at: publishedAt, subject: n.subject, attributes: n.attributes ?? {}, body: maskPii(n.body) })}\n`);
    await appendFile(this.path, lines.join(''));
    for (const n of notifications) this.print?.(`ALERT ${n.subject}`);
  }
}
