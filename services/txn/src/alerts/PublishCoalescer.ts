import { PartialPublishError, type Notification, type Notifier } from '@sfc/shared';

/** One caller's place in a coalesced publish: submit a notification, or release the place unused. */
export interface PublishSlot {
  submit(notification: Notification): Promise<void>;
  release(): void;
}

/**
 * Turns many concurrent single publishes into `publishMany` calls of up to `maxBatch`: each of
 * `expected` callers submits one notification or releases its slot, and a call goes out when it is
 * full or when no caller is still undecided. Each caller learns whether its own notification was
 * delivered (a PartialPublishError fails only the entries it names).
 */
export class PublishCoalescer {
  private undecided: number;
  private queue: { notification: Notification; ok: () => void; fail: (err: unknown) => void }[] = [];

  constructor(private readonly notifier: Notifier, expected: number, private readonly maxBatch = 10) {
    this.undecided = expected;
  }

  slot(): PublishSlot {
    let decided = false;
    const decide = () => {
      if (decided) return false;
      decided = true;
      this.undecided -= 1;
      return true;
    };
    return {
      submit: (notification) => {
        if (!decide()) return Promise.reject(new Error('PublishCoalescer: slot already used'));
        const delivered = new Promise<void>((ok, fail) => this.queue.push({ notification, ok, fail }));
        this.maybeFlush();
        return delivered;
      },
      release: () => {
        if (decide()) this.maybeFlush();
      },
    };
  }

  private maybeFlush(): void {
    while (this.queue.length >= this.maxBatch || (this.undecided === 0 && this.queue.length > 0)) {
      void this.flush(this.queue.splice(0, this.maxBatch));
    }
  }

  private async flush(batch: PublishCoalescer['queue']): Promise<void> {
    try {
      await this.notifier.publishMany(batch.map((b) => b.notification));
      for (const b of batch) b.ok();
    } catch (err) {
      const failed = err instanceof PartialPublishError ? new Set(err.failed) : undefined;
      batch.forEach((b, i) => (failed === undefined || failed.has(i) ? b.fail(err) : b.ok()));
    }
  }
}
