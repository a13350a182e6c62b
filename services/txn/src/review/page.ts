import { readFileSync } from 'node:fs';

/**
 * The review page: one self-contained HTML file (its script and style inline; no CDN, no other request
 * than its API's and, signed in with Cognito, the hosted UI's).
 */
export const reviewPage = (): string => readFileSync(new URL('./page.html', import.meta.url), 'utf8');
