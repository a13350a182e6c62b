// Preloaded (NODE_OPTIONS=--require) into osls by the emulated deploy only: osls calls AWS through
// aws-sdk v2, which ignores AWS_ENDPOINT_URL, so this points its global configuration at the emulator
// named by SFC_EMULATED_AWS_ENDPOINT (path-style S3, as moto serves it). Without that variable it does
// nothing. Never used against AWS.
'use strict';

const endpoint = process.env.SFC_EMULATED_AWS_ENDPOINT;
if (endpoint) {
  let sdk;
  try {
    const from = { paths: [process.cwd(), __dirname] };
    require(require.resolve('aws-sdk/lib/maintenance_mode_message', from)).suppress = true;
    sdk = require(require.resolve('aws-sdk', from));
  } catch {
    sdk = undefined; // a node process that is not osls (esbuild, npm): nothing to configure
  }
  if (sdk) sdk.config.update({ endpoint, s3ForcePathStyle: true });
}
