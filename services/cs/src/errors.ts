import { SfcError } from '@sfc/shared';

/** Base class of the compliance service's errors. */
export class CsError extends SfcError {
  constructor(message: string, options: { cause?: unknown; retriable?: boolean; context?: Record<string, unknown> } = {}) {
    super(message, options);
    this.name = 'CsError';
  }
}

/** Why a document could not be read; each value becomes the quarantine reason. */
export const UNREADABLE_REASONS = [
  'zero_bytes', 'not_pdf', 'too_large', 'too_many_pages', 'encrypted', 'corrupt', 'no_text_layer',
] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

/** The document cannot be scanned: it goes to quarantine with `reason`, never to clean. */
export class UnreadableDocumentError extends CsError {
  readonly reason: UnreadableReason;

  constructor(reason: UnreadableReason, detail: string, options: { cause?: unknown } = {}) {
    super(`unreadable document (${reason}): ${detail}`, { ...options, context: { reason } });
    this.name = 'UnreadableDocumentError';
    this.reason = reason;
  }
}

/** The NER model or tokenizer could not be loaded from the model folder. */
export class ModelLoadError extends CsError {
  constructor(dir: string, cause: unknown) {
    super(`cannot load NER model from ${dir}`, { cause, context: { dir } });
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
