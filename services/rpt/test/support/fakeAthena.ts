import { readFileSync } from 'node:fs';
import { GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';

/** A recorded Athena response (see test/fixtures/athena). */
export const recorded = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/athena/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

export const execution = (id: string, State: string) => ({ QueryExecution: { QueryExecutionId: id, Status: { State } } });

/**
 * Stands in for AthenaClient: replays scripted responses per command type, in order, and records
 * every command it was sent. Injected through the engine's `client` option (no module mocking).
 */
export class FakeAthena {
  readonly sent: { name: string; input: Record<string, unknown> }[] = [];

  constructor(private readonly script: { start?: unknown[]; status?: unknown[]; results?: unknown[]; error?: Error }) {}

  async send(command: { input: unknown }): Promise<any> {
    const name = command.constructor.name;
    this.sent.push({ name, input: command.input as Record<string, unknown> });
    if (this.script.error) throw this.script.error;
    const queue = command instanceof StartQueryExecutionCommand ? this.script.start
      : command instanceof GetQueryExecutionCommand ? this.script.status
        : command instanceof GetQueryResultsCommand ? this.script.results : undefined;
    const next = queue?.shift();
    if (next === undefined) throw new Error(`FakeAthena: no scripted response left for ${name}`);
    return next;
  }
}
