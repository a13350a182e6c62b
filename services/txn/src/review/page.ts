import { readFileSync } from 'node:fs';

/**
 * The review page: one self-contained HTML file (its script and style inline; no CDN, no other request
 * than its API's and, signed in with Cognito, the hosted UI's). `file`: where it lies in a Lambda bundle.
 */
export const reviewPage = (file?: string): string => readFileSync(file ?? new URL('./page.html', import.meta.url), 'utf8');
