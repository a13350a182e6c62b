import type { Moto } from './moto.js';

/** Stops the moto server motoGlobalSetup started (an external AWS_ENDPOINT_URL is left alone). */
export default async function motoGlobalTeardown(): Promise<void> {
  const holder = globalThis as { __sfcMoto?: Moto };
  await holder.__sfcMoto?.stop();
  if (holder.__sfcMoto) delete process.env.AWS_ENDPOINT_URL;
  delete holder.__sfcMoto;
}
