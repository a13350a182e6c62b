// The worker processes the tests drive are the ones the benchmark uses.
export { Worker, waitFor, settled, repoRoot, type BatchLine } from '../../../../../scripts/kafka/workerProcess.js';
