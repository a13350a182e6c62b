// The review page's SHA-256 (services/txn/src/review/page.html), a property of the ReviewPage custom
// resource: CloudFormation calls a custom resource again only when its properties change.
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

module.exports = () => createHash('sha256').update(readFileSync(join(__dirname, '../../services/txn/src/review/page.html'))).digest('hex');
