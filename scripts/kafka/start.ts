// npm run kafka:start [-- --port 9092 --fresh]: a single-node Kafka (KRaft) broker on loopback, from Maven Central jars.
// --port 0 picks a free port (and its controller port + 1) and starts with empty data; --owner PID ties the
// broker to a process (the Kafka tests' jest run): once that process is gone, the next start stops and wipes it.
import { parseArgs } from 'node:util';
import { startBroker, startFreshBroker, stopOrphans, wipeBroker } from './broker.js';

const { values } = parseArgs({ options: {
  port: { type: 'string', default: process.env.KAFKA_PORT ?? '9092' }, fresh: { type: 'boolean', default: false }, owner: { type: 'string' },
} });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65534) {
  console.error(`error: --port must be a TCP port (0: a free one), got ${JSON.stringify(values.port)}`);
  process.exit(2);
}
const owner = values.owner === undefined ? undefined : Number(values.owner);
if (owner !== undefined && !(Number.isInteger(owner) && owner > 0)) {
  console.error(`error: --owner must be a process id, got ${JSON.stringify(values.owner)}`);
  process.exit(2);
}
try {
  const log = (l: string) => console.error(l);
  let b;
  if (port === 0) {
    b = await startFreshBroker({ owner, log });
  } else {
    await stopOrphans();
    if (values.fresh) wipeBroker(port);
    b = await startBroker({ port, owner, log });
  }
  console.log(`KAFKA_BROKERS=${b.brokers}  (stop with: npm run kafka:stop${b.port === 9092 ? '' : ` -- --port ${b.port}`}; log: ${b.paths.log})`);
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
}
