import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';

/** Runs a function on an event again: the deployed Lambda function, or its handler in this process. */
export type Invoker = (functionName: string, functionArn: string, payload: unknown) => Promise<unknown>;

/** Synchronous Lambda Invoke of the function that failed; a function error fails the replay. */
export function lambdaInvoker(lambda: LambdaClient): Invoker {
  return async (_name, functionArn, payload) => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: functionArn.replace(/:\$LATEST$/, ''), InvocationType: 'RequestResponse', Payload: Buffer.from(JSON.stringify(payload)) }));
    const body = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
    if (out.FunctionError) throw new Error(`${functionArn}: ${out.FunctionError}: ${body.slice(0, 500)}`);
    return body ? JSON.parse(body) : undefined;
  };
}

type Handler = (event: never) => Promise<unknown>;
const LOCAL: Record<string, () => Promise<Handler>> = {
  score: async () => (await import('../../services/txn/src/handlers/score.js')).handler as Handler,
  act: async () => (await import('../../services/txn/src/handlers/act.js')).handler as Handler,
  scan: async () => (await import('../../services/cs/src/handler.js')).handler as Handler,
};

/** The same handler code, in this process, with the local adapters the environment selects. */
export function localInvoker(): Invoker {
  return async (name, _arn, payload) => {
    const which = Object.keys(LOCAL).find((k) => name === k || name.endsWith(`-${k}`));
    if (!which) throw new Error(`no local handler for function ${name} (have: ${Object.keys(LOCAL).join(', ')})`);
    return (await LOCAL[which]!())(payload as never);
  };
}
