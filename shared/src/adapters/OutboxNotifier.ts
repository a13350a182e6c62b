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
    this.ready ??= mkdir(this.dir, { recursive: true });
    await this.ready;
    const body = maskPii(notification.body);
    const line = JSON.stringify({ published_at: new Date().toISOString(), subject: notification.subject, attributes: notification.attributes ?? {}, body });
    await appendFile(this.path, `${line}\n`);
    this.print?.(`ALERT ${notification.subject}`);
  }
}
