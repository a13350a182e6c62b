// Deployment settings: the one place a stage's cluster, network, alert address, image and region come
// from, read the same way by the root compose deploy and by a service deployed alone. Every value is an
// environment variable (README, "Deploy to AWS"); serverless.yml reads them through
// `${file(../../scripts/deploy/settings.cjs)}`, which validates the ones the calling service needs and
// fails before CloudFormation runs, with one line naming every missing or malformed setting.
// CommonJS because osls loads variable-source files with require().
'use strict';

const { settingsFromOptions } = require('./settingsSpec.cjs');

const { writeSync } = require('node:fs');

/**
 * Stops the command with one line on stderr and exit code 2. osls would wrap a thrown error in its
 * variable-resolution report, followed by one "value not found" line for every property that reads a
 * setting; the line naming the settings is what a user needs.
 */
function fail(message) {
  writeSync(2, `error: ${message}\n`);
  process.exit(2);
}

/**
 * Resolves the settings of the service being deployed (its `service:` name picks the group), for the
 * stage in `--stage`. The `local` stage is `serverless invoke local` on embedded adapters: it needs none.
 */
async function resolveSettings({ options, resolveConfigurationProperty }) {
  const service = await resolveConfigurationProperty(['service']);
  const stage = options.stage ?? 'dev';
  if (stage === 'local' && process.argv.includes('deploy')) {
    fail('the local stage runs on embedded adapters (serverless invoke local) and cannot be deployed; choose another --stage');
  }
  const { values, problems } = settingsFromOptions(String(service), options);
  if (problems.length > 0) {
    fail(`deployment settings for ${service} (stage ${stage}): ${problems.join('; ')} (README "Deploy to AWS"; example: scripts/deploy/example.env)`);
  }
  return values;
}

module.exports = resolveSettings;
