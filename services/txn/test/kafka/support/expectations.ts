import type { DlqRecord } from '@sfc/shared';

/** What the scorer must say about each kind of malformed record badRecords() makes (by its key). */
export const expectedDlqError: Record<string, { kind: DlqRecord['error']['kind']; field: string | null; reason: RegExp }> = {
  'bad-json': { kind: 'decode', field: null, reason: /not JSON/ },
  'bad-binary': { kind: 'decode', field: null, reason: /not JSON/ },
  'bad-schema': { kind: 'schema', field: 'transaction_amt', reason: /expected number/ },
  'bad-range': { kind: 'schema', field: 'transaction_amt', reason: /Too big/ },
  'bad-missing': { kind: 'schema', field: 'email_address', reason: /email_address/ },
  'bad-size': { kind: 'size', field: null, reason: /exceeds MAX_RECORD_BYTES/ },
};
