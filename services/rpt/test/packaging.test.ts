import { readFileSync } from 'node:fs';
import { cfnLint, functionRoles, packageService, wildcardActions } from '../../../shared/test/support/serverless.js';

describe('Packaging: services/rpt', () => {
  let templatePath: string;
  let template: Parameters<typeof wildcardActions>[0];

  beforeAll(() => {
    templatePath = packageService('rpt');
    template = JSON.parse(readFileSync(templatePath, 'utf8'));
  }, 300_000);

  it('passes cfn-lint', () => {
    expect(cfnLint(templatePath)).toBe('');
  });

  it('runs the report function with its own role and no wildcard actions', () => {
    expect(functionRoles(template)).toEqual(['ReportIamRoleLambdaExecution']);
    expect(wildcardActions(template)).toEqual([]);
  });

  it('declares the lake tables with partition projection instead of a crawler', () => {
    const types = Object.values(template.Resources).map((r) => r.Type);
    expect(types).toContain('AWS::Glue::Table');
    expect(types).not.toContain('AWS::Glue::Crawler');
    expect(JSON.stringify(template)).toContain('projection.enabled');
  });
});
