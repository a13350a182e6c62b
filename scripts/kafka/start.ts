// npm run kafka:start [-- --port 9092 --fresh]: a single-node Kafka (KRaft) broker on loopback, from Maven Central jars.
import { parseArgs } from 'node:util';
import { startBroker, wipeBroker } from './broker.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.KAFKA_PORT ?? '9092' }, fresh: { type: 'boolean', default: false } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65534) {
  console.error(`error: --port must be a TCP port, got ${JSON.stringify(values.port)}`);
  process.exit(2);
}
if (values.fresh) wipeBroker(port);
try {
  const b = await startBroker({ port, log: (l) => console.log(l) });
  console.log(`KAFKA_BROKERS=${b.brokers}  (stop with: npm run kafka:stop${port === 9092 ? '' : ` -- --port ${port}`}; log: ${b.paths.log})`);
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
}
