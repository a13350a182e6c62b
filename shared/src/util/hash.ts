import { createHash } from 'node:crypto';

export const sha256Hex = (body: Uint8Array | string): string => createHash('sha256').update(body).digest('hex');
