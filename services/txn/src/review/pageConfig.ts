import { z } from 'zod';

/**
 * How the review page signs in, written into the page when it is deployed (ReviewPage custom resource):
 * `cognito` is the hosted UI's authorization code flow with PKCE; no config (the local server) is the
 * per-run `#token` of `npm run review`. No secret is in it: the client is public.
 */
export const PageConfigSchema = z.object({
  auth: z.literal('cognito'),
  /** The hosted UI, e.g. https://sfc-prod-review-x.auth.us-east-1.amazoncognito.com (no path). */
  domain: z.string().url().refine((u) => URL.canParse(u) && new URL(u).pathname === '/' && !u.endsWith('/'), 'an origin without a path or trailing slash'),
  clientId: z.string().min(1),
  /** The page's own address, as registered as the client's callback URL. */
  redirectUri: z.string().url(),
  /** Prefix of the API's paths: '' when the API is on the page's origin (CloudFront's /api/*). */
  apiBase: z.string(),
});
export type PageConfig = z.infer<typeof PageConfigSchema>;

const PLACEHOLDER = '<script id="sfc-config" type="application/json">{}</script>';

/**
 * The page with its sign-in settings, and a Content-Security-Policy that lets it talk to its API and to
 * the hosted UI's token endpoint only (CloudFront adds the same policy as a header, with frame-ancestors).
 */
export function pageWithConfig(html: string, config: PageConfig): string {
  const parsed = PageConfigSchema.safeParse(config);
  if (!parsed.success) throw new Error(`review page settings: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  const c = parsed.data;
  if (!html.includes(PLACEHOLDER)) throw new Error(`review page: no ${PLACEHOLDER} to fill (src/review/page.html)`);
  const api = c.apiBase ? new URL(c.apiBase).origin : '';
  const csp = `default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self' ${c.domain}${api ? ` ${api}` : ''}; base-uri 'none'; form-action 'none'`;
  // JSON inside <script>: '<' escaped so no value can close the element.
  const json = JSON.stringify(c).replace(/</g, '\\u003c');
  return html
    .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(PLACEHOLDER, () => `<script id="sfc-config" type="application/json">${json}</script>`);
}
