import { SfcError } from '@sfc/shared';
import type { QuarantineReason } from './reader/protocol.js';

/** Base class of the compliance service's errors. */
export class CsError extends SfcError {
  constructor(message: string, options: { cause?: unknown; retriable?: boolean; context?: Record<string, unknown> } = {}) {
    super(message, options);
    this.name = 'CsError';
  }
}

/** The document cannot be (fully) read: it goes to quarantine with `reason`, never to clean. */
export class UnreadableDocumentError extends CsError {
  readonly reason: QuarantineReason;
  /** What went wrong, without any of the document's text. */
  readonly detail: string;

  constructor(reason: QuarantineReason, detail: string, options: { cause?: unknown } = {}) {
    super(`unreadable document (${reason}): ${detail}`, { ...options, context: { reason } });
    this.name = 'UnreadableDocumentError';
    this.reason = reason;
    this.detail = detail;
  }
}

/** The NER model or tokenizer could not be loaded from the model folder. */
export class ModelLoadError extends CsError {
  constructor(dir: string, cause: unknown) {
    super(`cannot load NER model from ${dir}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause, context: { dir } });
    this.name = 'ModelLoadError';
  }
}

/** A copy did not match its source (size or checksum); the source is kept and the event retried. */
export class CopyVerificationError extends CsError {
  constructor(bucket: string, key: string, detail: string) {
    super(`copy to ${bucket}/${key} failed verification: ${detail}`, { retriable: true, context: { bucket, key } });
    this.name = 'CopyVerificationError';
  }
}
