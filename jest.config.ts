/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

// One jest project per workspace; tests live in each package's test/ folder.
// TypeScript is compiled by swc into native ES modules (jest runs with --experimental-vm-modules).
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
] as const;

const ENVIRONMENT = `${process.cwd()}/scripts/jest/node-environment.cjs`;
const RESOLVER = `${process.cwd()}/scripts/jest/resolver.cjs`;

const project = (name: string, dir: string) => ({
  displayName: name,
  rootDir: dir,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc as unknown as [string, Record<string, unknown>] },
  // `./x.js` imports of TypeScript files resolve to `./x.ts`; dependencies' imports stay as Node resolves them.
  resolver: RESOLVER,
  testEnvironment: ENVIRONMENT,
});

const config: Config = {
  projects: [
    project('shared', '<rootDir>/shared'),
    { ...project('txn', '<rootDir>/services/txn'), testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/kafka/'] },
    // Integration tests against a real Kafka broker: KAFKA_BROKERS, else one the global setup starts.
    {
      ...project('kafka', '<rootDir>/services/txn'),
      testMatch: ['<rootDir>/test/kafka/**/*.test.ts'],
      globalSetup: '<rootDir>/test/kafka/support/globalSetup.mjs',
      globalTeardown: '<rootDir>/test/kafka/support/globalTeardown.mjs',
    },
    project('cs', '<rootDir>/services/cs'),
    // Deployment settings, and the whole deploy -> remove -> redeploy cycle against an emulated AWS.
    project('deploy', '<rootDir>/scripts/deploy'),
    { ...project('rpt', '<rootDir>/services/rpt'), testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/trino/'] },
    // Reporting's Athena SQL on a real Trino engine: TRINO_URL, else one the global setup starts on a free port.
    {
      ...project('trino', '<rootDir>/services/rpt'),
      testMatch: ['<rootDir>/test/trino/**/*.test.ts'],
      globalSetup: '<rootDir>/test/trino/support/globalSetup.mjs',
      globalTeardown: '<rootDir>/test/trino/support/globalTeardown.mjs',
    },
  ],
  testTimeout: 60_000,
};

export default config;
