/** An EventBridge scheduled event; `detail` may carry overrides when invoked by hand. */
export interface ScheduledEvent<D = Record<string, unknown>> {
  version?: string;
  id?: string;
  'detail-type': 'Scheduled Event' | string;
  source: 'aws.events' | string;
  time: string;
  region?: string;
  resources?: string[];
  detail: D;
}

export function scheduledEvent<D>(detail: D, time = new Date()): ScheduledEvent<D> {
  return { version: '0', 'detail-type': 'Scheduled Event', source: 'aws.events', time: time.toISOString(), resources: [], detail };
}
