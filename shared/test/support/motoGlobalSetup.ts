import type { Moto } from './moto.js';

/**
 * Optional jest globalSetup: one moto server for a whole run instead of one per test file.
 * It exports AWS_ENDPOINT_URL (inherited by the workers jest starts afterwards), which makes every
 * startMoto() in the tests reuse it. Wire it as `globalSetup` / `globalTeardown` of the shared project
 * (the teardown is motoGlobalTeardown.ts beside this file).
 */
export default async function motoGlobalSetup(): Promise<void> {
  if (process.env.AWS_ENDPOINT_URL) return;
  // jest loads globalSetup without moduleNameMapper, so the helper is named by its source file here.
  const helper = './moto.ts';
  const { startMoto } = (await import(helper)) as typeof import('./moto.js');
  const moto = await startMoto();
  process.env.AWS_ENDPOINT_URL = moto.endpoint;
  (globalThis as { __sfcMoto?: Moto }).__sfcMoto = moto;
}
