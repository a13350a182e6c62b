import { Worker } from '../../../../../scripts/kafka/workerProcess.js';

// The worker processes the tests drive are the ones the benchmark uses.
export { Worker, waitFor, settled, repoRoot, type BatchLine } from '../../../../../scripts/kafka/workerProcess.js';

// A test that fails while its workers run must not leave them behind (jest would wait on them).
afterEach(() => Worker.killAll());
