// Used by serverless.yml for `serverless invoke local`: the repo's .data folder as an absolute path,
// because serverless-esbuild runs the handler from .esbuild/.build, where a relative path would drift.
const { resolve } = require('node:path');

module.exports = { dataDir: () => resolve(__dirname, '..', '..', '..', '.data') };
