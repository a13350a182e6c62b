/** Key of the finding written beside a routed document. */
export const findingKey = (documentKey: string): string => `${documentKey}.finding.json`;

/** Key of the finding's copy in the data lake: one object per document content, partitioned by day. */
export const lakeFindingKey = (sha256: string, at: Date): string => `compliance/dt=${at.toISOString().slice(0, 10)}/${sha256}.json`;
