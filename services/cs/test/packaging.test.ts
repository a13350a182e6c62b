import { readFileSync } from 'node:fs';
import { bucketProblems, cfnLint, functionRoles, packageService, resourcesOfType, unusedRoles, wildcardActions } from '../../../shared/test/support/serverless.js';

describe('Packaging: services/cs', () => {
  let templatePath: string;
  let template: Parameters<typeof wildcardActions>[0] & Record<string, any>;

  beforeAll(() => {
    templatePath = packageService('cs');
    template = JSON.parse(readFileSync(templatePath, 'utf8'));
  }, 300_000);

  it('operations: reserved concurrency, 2 retries then the failures queue; alarms notify the txn stack\'s alarm topic', () => {
    const r = template.Resources;
    expect(r.ScanLambdaFunction.Properties.ReservedConcurrentExecutions).toBe(10);
    expect(r.ScanLambdaFunction.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    const invokeConfig = Object.values(r).find((v: any) => v.Type === 'AWS::Lambda::EventInvokeConfig') as any;
    expect(invokeConfig.Properties).toMatchObject({ MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['ScanFailuresQueue', 'Arn'] } } } });
    expect(JSON.stringify(r.ScanOperationsPolicy.Properties.PolicyDocument)).toContain('sqs:SendMessage');
    const alarms = Object.values(r).filter((v: any) => v.Type === 'AWS::CloudWatch::Alarm') as any[];
    expect(alarms).toHaveLength(3);
    for (const a of alarms) expect(a.Properties.AlarmActions).toEqual([{ 'Fn::ImportValue': 'sfc-txn-dev-AlarmTopicArn' }]);
  });

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
    // and no other role: osls's default IamRoleLambdaExecution, which no function uses, is removed
    expect(resourcesOfType(template, 'AWS::IAM::Role')).toEqual(['ScanIamRoleLambdaExecution']);
    expect(unusedRoles(template)).toEqual([]);
    // ListBucket on every bucket the scan reads, so a missing key is a 404 (not a 403) to the "already processed" check
    const statements = template.Resources.ScanIamRoleLambdaExecution.Properties.Policies[0].PolicyDocument.Statement as any[];
    const listed = JSON.stringify(statements.find((st) => JSON.stringify(st.Action) === '["s3:ListBucket"]').Resource);
    for (const b of ['uploads', 'PiiBucket', 'CleanBucket', 'QuarantineBucket']) expect(listed).toContain(b);
  });

  it('keeps every bucket when the stack is removed; uploads notify the scan function', () => {
    expect(resourcesOfType(template, 'AWS::S3::Bucket')).toEqual(['CleanBucket', 'PiiBucket', 'QuarantineBucket', 'RedactedBucket', 'ServerlessDeploymentBucket', 'UploadsBucket']);
    expect(bucketProblems(template)).toEqual([]);
    const uploads = template.Resources.UploadsBucket;
    expect(uploads.DependsOn).toEqual(['ScanUploadsPermission']);
    expect(uploads.Properties.NotificationConfiguration.LambdaConfigurations[0]).toMatchObject({ Event: 's3:ObjectCreated:*', Function: { 'Fn::GetAtt': ['ScanLambdaFunction', 'Arn'] } });
  });

  it('may only put objects into the redacted bucket (the copy is written once, never read back)', () => {
    const statements = template.Resources.ScanIamRoleLambdaExecution.Properties.Policies[0].PolicyDocument.Statement as any[];
    const naming = statements.filter((st) => JSON.stringify(st.Resource).includes('RedactedBucket'));
    expect(naming).toHaveLength(1);
    expect(naming[0].Action).toEqual(['s3:PutObject']);
    expect(naming[0].Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['RedactedBucket', 'Arn'] }, '/*']] });
    expect(template.Resources.ScanLambdaFunction.Properties.Environment.Variables.REDACTED_BUCKET).toEqual({ Ref: 'RedactedBucket' });
  });

  it('takes the lake bucket from the txn stack\'s export, never a guessed name', () => {
    const env = template.Resources.ScanLambdaFunction.Properties.Environment.Variables;
    expect(env.LAKE_BUCKET).toEqual({ 'Fn::ImportValue': 'sfc-txn-dev-LakeBucketName' });
    expect(JSON.stringify(template)).not.toMatch(/sfc-dev-lake/);
  });
});
