// npm run trino:stop -- --port N: stops the Trino started on that port and removes its instance folder.
import { parseArgs } from 'node:util';
import { stopTrino } from './server.js';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1) {
  console.error('error: --port is required (the port trino:start printed)');
  process.exit(2);
}
console.log((await stopTrino(port)) ? `trino on port ${port} stopped` : `no trino running on port ${port}`);
