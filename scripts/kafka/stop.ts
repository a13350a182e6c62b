// npm run kafka:stop [-- --port 9092 --wipe]: stops the local broker and waits until no process is left;
// --wipe also removes its data (the Kafka tests' teardown: each run starts on a fresh port and data dir).
import { parseArgs } from 'node:util';
import { stopBroker, wipeBroker } from './broker.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.KAFKA_PORT ?? '9092' }, wipe: { type: 'boolean', default: false } } });
const port = Number(values.port);
const stopped = await stopBroker({ port });
if (values.wipe) wipeBroker(port);
console.log(stopped ? `kafka broker on port ${port} stopped` : `no kafka broker running on port ${port}`);
