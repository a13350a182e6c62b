// npm run kafka:stop [-- --port 9092]: stops the local broker and waits until no process is left.
import { parseArgs } from 'node:util';
import { stopBroker } from './broker.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.KAFKA_PORT ?? '9092' } } });
const stopped = await stopBroker({ port: Number(values.port) });
console.log(stopped ? `kafka broker on port ${values.port} stopped` : `no kafka broker running on port ${values.port}`);
