// Regenerates resources/generated/lake-resources.json (Glue tables + Athena named queries) from the
// shared zod schemas and the KPI definitions. A test fails when the committed file is out of date.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generatedResources } from '../src/schema/cloudFormation.js';

export const GENERATED = fileURLToPath(new URL('../resources/generated/lake-resources.json', import.meta.url));

await writeFile(GENERATED, `${JSON.stringify(generatedResources(), null, 2)}\n`);
process.stdout.write(`wrote ${GENERATED}\n`);
