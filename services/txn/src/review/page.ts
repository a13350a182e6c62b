import { readFileSync } from 'node:fs';

/** The review page: one self-contained HTML file (its script and style inline; no CDN, no other request than this server's API). */
export const reviewPage = (): string => readFileSync(new URL('./page.html', import.meta.url), 'utf8');
