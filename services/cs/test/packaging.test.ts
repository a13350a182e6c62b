import { readFileSync } from 'node:fs';
import { cfnLint, functionRoles, packageService, wildcardActions } from '../../../shared/test/support/serverless.js';

describe('Packaging: services/cs', () => {
  let templatePath: string;
  let template: Parameters<typeof wildcardActions>[0] & Record<string, any>;

  beforeAll(() => {
    templatePath = packageService('cs');
    template = JSON.parse(readFileSync(templatePath, 'utf8'));
  }, 300_000);

  it('passes cfn-lint', () => {
    expect(cfnLint(templatePath)).toBe('');
  });

  it('deploys the scan function as a container image taken by digest', () => {
    const fn = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::Function')!;
    expect(fn.Properties!.PackageType).toBe('Image');
    expect(JSON.stringify(fn.Properties!.Code)).toMatch(/@sha256:[0-9a-f]{64}/);
  });

  it('gives the function its own role with no wildcard actions', () => {
    expect(functionRoles(template)).toEqual(['ScanIamRoleLambdaExecution']);
    expect(wildcardActions(template)).toEqual([]);
  });
});
