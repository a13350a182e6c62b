import { z } from 'zod';
import type { ConfigSpec } from './defineConfig.js';

const positiveInt = z.coerce.number().int().positive();

/** Variables every service reads: which adapters to use and where they point. */
export const commonConfig = {
  OBJECT_STORE: { schema: z.enum(['fs', 's3']), default: 'fs', doc: 'Object store adapter: `fs` (directory tree under DATA_DIR) or `s3`.' },
  DATA_DIR: { schema: z.string().min(1), default: '.data', doc: 'Root folder of the embedded adapters (buckets, outbox).' },
  S3_ENDPOINT: { schema: z.string(), default: '', doc: 'Optional endpoint for S3-compatible stores (e.g. a local emulator).' },
  NOTIFIER: { schema: z.enum(['outbox', 'sns']), default: 'outbox', doc: 'Alert adapter: `outbox` (JSON Lines under DATA_DIR/outbox) or `sns`.' },
  SNS_TOPIC_ARN: { schema: z.string(), default: '', doc: 'SNS topic for fraud alerts (required when NOTIFIER=sns).' },
  AWS_ENDPOINT_URL: { schema: z.string(), default: '', doc: 'Optional endpoint for all AWS clients (emulators such as moto).' },
  LOG_LEVEL: { schema: z.enum(['debug', 'info', 'warn', 'error', 'silent']), default: 'info', doc: 'Least severe log level printed.' },
} satisfies ConfigSpec;

export { positiveInt };
