// npm run trino:start [-- --port N]: a single-node Trino on loopback with an empty `hive` catalog (file metastore,
// local file system), kept running until npm run trino:stop. The tests start their own (--owner: the jest process;
// the next start stops an instance whose owner died without stopping it).
import { parseArgs } from 'node:util';
import { startTrino } from './server.js';

const { values } = parseArgs({ options: { port: { type: 'string' }, owner: { type: 'string', default: '0' } } });
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
  console.error(`error: --port must be a TCP port, got ${JSON.stringify(values.port)}`);
  process.exit(2);
}
try {
  const t = await startTrino({ port, owner: Number(values.owner), log: (l) => console.error(l) });
  console.log(`TRINO_URL=${t.url}  (catalog hive; stop with: npm run trino:stop -- --port ${t.port}; log: ${t.paths.log})`);
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
}
