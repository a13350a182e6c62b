/** Key of the finding written beside a routed document. */
export const findingKey = (documentKey: string): string => `${documentKey}.finding.json`;

/** Key of the finding's copy in the data lake: one object per upload (its scan_ref), partitioned by the event's day. */
export const lakeFindingKey = (scanRef: string, at: Date): string => `compliance/dt=${at.toISOString().slice(0, 10)}/${scanRef}.json`;
