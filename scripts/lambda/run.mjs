// Runs one Lambda invocation the way the Node.js runtime does, on whatever `node` runs this file (the
// tests and the emulated deploy use a real Node.js 22 binary): loads the handler module from the task
// root (`dir/file.export`, trying .js, .mjs and .cjs as the runtime does), calls it with the event and a
// context, and writes {result} or {error} as JSON to the result file. Logs go to stdout/stderr as in Lambda.
// Usage: node scripts/lambda/run.mjs <taskRoot> <handler> <eventFile> <resultFile>
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const [taskRoot, handlerSpec, eventFile, resultFile] = process.argv.slice(2);
if (!resultFile) {
  console.error('usage: run.mjs <taskRoot> <handler> <eventFile> <resultFile>');
  process.exit(2);
}
const dot = handlerSpec.lastIndexOf('.');
const modulePath = handlerSpec.slice(0, dot);
const exportName = handlerSpec.slice(dot + 1);
const file = ['.js', '.mjs', '.cjs'].map((ext) => join(taskRoot, modulePath + ext)).find((f) => existsSync(f));

const write = (body) => writeFileSync(resultFile, JSON.stringify(body));
try {
  if (!file) throw new Error(`Runtime.ImportModuleError: no ${modulePath}.{js,mjs,cjs} in ${taskRoot}`);
  process.chdir(taskRoot);
  const mod = await import(pathToFileURL(file).href);
  const handler = mod[exportName] ?? mod.default?.[exportName];
  if (typeof handler !== 'function') throw new Error(`Runtime.HandlerNotFound: ${handlerSpec} is not a function`);
  const deadline = Date.now() + Number(process.env.AWS_LAMBDA_FUNCTION_TIMEOUT ?? 60) * 1000;
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local',
    awsRequestId: randomUUID(),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  const result = await handler(JSON.parse(readFileSync(eventFile, 'utf8')), context);
  write({ result: result ?? null });
} catch (err) {
  write({ error: { errorType: err?.name ?? 'Error', errorMessage: err?.message ?? String(err), stack: String(err?.stack ?? '').split('\n') } });
}
// Lambda freezes the process after the handler returns; here it ends, once the logs are flushed
// (open Kafka or HTTP connections would keep it alive).
process.stdout.write('', () => process.stderr.write('', () => process.exit(0)));
