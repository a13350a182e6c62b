// npm run kafka:fetch: downloads the broker's jars (Maven Central -> .cache/kafka) without starting it, e.g. in CI.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokerPaths } from './brokerConfig.js';
import { ensureJars } from './broker.js';

ensureJars(brokerPaths(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 9092), (l) => console.log(l));
console.log('kafka jars ready');
