import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, FsObjectStore, type CustomResourceEvent, type CustomResourceResponse } from '@sfc/shared';
import { pageWithConfig, type PageConfig } from '../../src/review/pageConfig.js';
import { reviewPage } from '../../src/review/page.js';
import { PAGE_KEY, pageResource } from '../../src/review/pageResource.js';

const config: PageConfig = { auth: 'cognito', domain: 'https://sfc-dev-review-abc.auth.us-east-1.amazoncognito.com', clientId: 'client123', redirectUri: 'https://d111111abcdef8.cloudfront.net/', apiBase: '' };
const configIn = (html: string) => JSON.parse(/<script id="sfc-config" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, string>;

describe('The review page as deployed: its sign-in settings written in', () => {
  it('writes the settings and a CSP allowing only the page\'s origin and the hosted UI; a value cannot close the script element', () => {
    const html = pageWithConfig(reviewPage(), config);
    expect(configIn(html)).toEqual(config);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self' ${config.domain}; base-uri 'none'; form-action 'none'">`);
    const hostile = pageWithConfig(reviewPage(), { ...config, clientId: '</script><script>alert(1)</script>' });
    expect(hostile).not.toContain('</script><script>alert(1)');
    expect(configIn(hostile).clientId).toBe('</script><script>alert(1)</script>');
  });

  it('refuses a hosted UI address with a path, naming the field', () => {
    expect(() => pageWithConfig(reviewPage(), { ...config, domain: `${config.domain}/oauth2` })).toThrow(/domain/);
  });
});

describe('ReviewPage custom resource', () => {
  const root = mkdtempSync(join(tmpdir(), 'review-page-'));
  const objects = new FsObjectStore(root);
  const answers: CustomResourceResponse[] = [];
  const deps = { objects, page: () => reviewPage(), respond: async (_url: string, r: CustomResourceResponse) => { answers.push(r); }, log: createLogger('t', { level: 'silent' }) };
  const event = (type: 'Create' | 'Update' | 'Delete', props: Record<string, unknown>, physical?: string): CustomResourceEvent => ({
    RequestType: type, ResponseURL: 'https://cloudformation-custom-resource-response.example/x', StackId: 'stack', RequestId: `r-${answers.length}`, LogicalResourceId: 'ReviewPage',
    ResourceType: 'Custom::ReviewPage', ResourceProperties: props, ...(physical ? { PhysicalResourceId: physical } : {}),
  });
  const props = { ServiceToken: 'arn', Bucket: 'page-bucket', Domain: config.domain, ClientId: 'client123', RedirectUri: config.redirectUri, ApiBase: '' };

  it('Create writes index.html with the stage\'s settings; Update rewrites it; Delete leaves it', async () => {
    const created = await pageResource(deps, event('Create', props));
    expect(created).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `review-page:page-bucket/${PAGE_KEY}` });
    const file = () => readFileSync(join(root, 'page-bucket', PAGE_KEY), 'utf8');
    expect(configIn(file())).toEqual({ ...config, clientId: 'client123' });
    await pageResource(deps, event('Update', { ...props, ClientId: 'client456' }, created.PhysicalResourceId));
    expect(configIn(file()).clientId).toBe('client456');
    expect(await pageResource(deps, event('Delete', props, created.PhysicalResourceId))).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.PhysicalResourceId });
    expect(configIn(file()).clientId).toBe('client456');
    expect(answers.map((a) => a.Status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
  });

  it('answers FAILED, naming the property, when a setting is missing or malformed (CloudFormation never waits)', async () => {
    const { Bucket: _b, ...noBucket } = props;
    expect(await pageResource(deps, event('Create', noBucket))).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('Bucket') });
    expect(await pageResource(deps, event('Create', { ...props, Domain: 'not a url' }))).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('domain') });
    expect(answers.at(-1)!.Status).toBe('FAILED');
  });
});
