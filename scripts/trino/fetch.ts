// npm run trino:fetch: installs Trino (Maven Central -> .cache/trino) and checks its Java, without starting it; npm test runs it.
import { ensureInstalled } from './server.js';
import { findTrinoJava, TRINO_VERSION } from './serverConfig.js';

try {
  const java = findTrinoJava();
  ensureInstalled((l) => console.log(l));
  console.log(`trino ${TRINO_VERSION} ready (java: ${java})`);
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
}
