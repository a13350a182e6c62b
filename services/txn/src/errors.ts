import { SfcError } from '@sfc/shared';

/** Base error of the txn service. */
export class TxnError extends SfcError {
  constructor(message: string, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(message, options);
    this.name = 'TxnError';
  }
}

/** The fraud model could not be loaded or does not match the serving features. */
export class ModelError extends TxnError {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'ModelError';
  }
}

/** Amazon Fraud Detector refused or failed a prediction. */
export class AfdError extends TxnError {
  constructor(message: string, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(message, options);
    this.name = 'AfdError';
  }
}
