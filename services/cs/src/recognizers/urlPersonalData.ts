import { PatternRecognizer } from './PatternRecognizer.js';

// Query or path parts that carry a person's data, and credentials in the authority (user:pass@host).
const PERSONAL_PARAM = /[?&;](?:e-?mail|mail|user(?:name|_?id)?|login|name|first_?name|last_?name|full_?name|phone|mobile|tel|ssn|dob|birth(?:date|day)?|address|zip|account|acct|card|token|session|sid|password|passwd|pwd|key|api_?key|access_?token|auth)=[^&#\s]+/i;
const EMAIL_INSIDE = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+\.[A-Za-z]{2,}/;
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;

/** True when a URL carries personal data: credentials, an e-mail, or a personal query parameter. */
export function urlHasPersonalData(url: string): boolean {
  const afterHost = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return USERINFO.test(url) || PERSONAL_PARAM.test(url) || EMAIL_INSIDE.test(afterHost);
}

/** URLs with personal data in them (`https://x.example/reset?email=ana%40mail.com`, `ftp://joe:pw@host`); plain links are not PII. */
export const urlPersonalDataRecognizer = new PatternRecognizer({
  name: 'UrlPersonalDataRecognizer',
  entityType: 'URL_PERSONAL_DATA',
  patterns: [{ name: 'url', regex: /\b(?:https?|ftp|sftp):\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/i, score: 0.7 }],
  validate: urlHasPersonalData,
});
