import { readFileSync } from 'node:fs';
import { bucketProblems, cfnLint, functionRoles, packageService, resourcesOfType, unusedRoles, wildcardActions } from '../../../shared/test/support/serverless.js';

describe('Packaging: services/rpt', () => {
  let templatePath: string;
  let template: Parameters<typeof wildcardActions>[0];

  beforeAll(() => {
    templatePath = packageService('rpt');
    template = JSON.parse(readFileSync(templatePath, 'utf8'));
  }, 300_000);

  it('operations: alarms on failed and missing reports notify the txn stack\'s alarm topic; tracing', () => {
    const r = template.Resources;
    const alarms = Object.entries(r).filter(([, v]: [string, any]) => v.Type === 'AWS::CloudWatch::Alarm') as [string, any][];
    expect(alarms.map(([id]) => id).sort()).toEqual(['ReportErrorsAlarm', 'ReportFailuresAlarm', 'ReportMissingAlarm']);
    expect(r.ReportFailuresAlarm.Properties).toMatchObject({ Namespace: 'sfc-dev', MetricName: 'ReportsFailed', Dimensions: [{ Name: 'service', Value: 'rpt' }] });
    for (const [, a] of alarms) expect(a.Properties.AlarmActions).toEqual([{ 'Fn::ImportValue': 'sfc-txn-dev-AlarmTopicArn' }]);
    expect(r.ReportLambdaFunction.Properties.TracingConfig).toEqual({ Mode: 'Active' });
  });

  it('passes cfn-lint', () => {
    expect(cfnLint(templatePath)).toBe('');
  });

  it('runs the report function with its own role and no wildcard actions', () => {
    expect(functionRoles(template)).toEqual(['ReportIamRoleLambdaExecution']);
    expect(wildcardActions(template)).toEqual([]);
    // and no other role: osls's default IamRoleLambdaExecution, which no function uses, is removed
    expect(resourcesOfType(template, 'AWS::IAM::Role')).toEqual(['ReportIamRoleLambdaExecution']);
    expect(unusedRoles(template)).toEqual([]);
  });

  it('keeps its buckets when the stack is removed and reads the lake named by the txn stack\'s export', () => {
    expect(resourcesOfType(template, 'AWS::S3::Bucket')).toEqual(['AthenaResultsBucket', 'ReportsBucket', 'ServerlessDeploymentBucket']);
    expect(bucketProblems(template)).toEqual([]);
    const env = (template.Resources.ReportLambdaFunction!.Properties as any).Environment.Variables;
    expect(env.LAKE_BUCKET).toEqual({ 'Fn::ImportValue': 'sfc-txn-dev-LakeBucketName' });
  });

  it('declares the lake tables with partition projection instead of a crawler', () => {
    const types = Object.values(template.Resources).map((r) => r.Type);
    expect(types).toContain('AWS::Glue::Table');
    expect(types).not.toContain('AWS::Glue::Crawler');
    expect(JSON.stringify(template)).toContain('projection.enabled');
  });
});
