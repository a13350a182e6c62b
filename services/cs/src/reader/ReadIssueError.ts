import type { QuarantineReason } from './protocol.js';

/** Thrown inside the reader when a document cannot be read further; becomes a quarantine reason. */
export class ReadIssueError extends Error {
  constructor(readonly reason: QuarantineReason, readonly detail: string, options: { cause?: unknown } = {}) {
    super(`${reason}: ${detail}`, options);
    this.name = 'ReadIssueError';
  }
}
