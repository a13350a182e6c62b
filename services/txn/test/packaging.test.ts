import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionsOnAnyResource, bucketProblems, cfnLint, unusedRoles, functionRoles, packageService, REPO_ROOT, resourcesOfType, wildcardActions } from '../../../shared/test/support/serverless.js';

describe('Packaging: services/txn', () => {
  let template: Parameters<typeof wildcardActions>[0] & Record<string, any>;
  let templatePath: string;

  beforeAll(() => {
    templatePath = packageService('txn');
    template = JSON.parse(readFileSync(templatePath, 'utf8'));
  }, 300_000);

  it('operations: bounded retries, batch splitting and the failures bucket on both mappings; alarms, ledger, tracing', () => {
    const r = template.Resources;
    for (const id of ['ScoreEventSourceMapping', 'ActEventSourceMapping']) {
      expect(r[id].Properties).toMatchObject({
        MaximumRetryAttempts: 10, BisectBatchOnFunctionError: true, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['FailuresBucket', 'Arn'] } } },
        ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 3 },
      });
    }
    const alarms = Object.entries(r).filter(([, v]: [string, any]) => v.Type === 'AWS::CloudWatch::Alarm') as [string, any][];
    expect(alarms.map(([id]) => id).sort()).toEqual(['ActErrorsAlarm', 'ActFailedBatchesAlarm', 'ActOffsetLagAlarm', 'ActThrottlesAlarm', 'ActTimeLagAlarm', 'CasesOverAgeAlarm', 'DeadLetteredAlarm',
      'ProduceErrorsAlarm', 'ScoreErrorsAlarm', 'ScoreFailedBatchesAlarm', 'ScoreOffsetLagAlarm', 'ScoreThrottlesAlarm', 'ScoreTimeLagAlarm']);
    for (const [, a] of alarms) expect(a.Properties.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
    expect(r.ActTimeLagAlarm.Properties.Dimensions).toEqual([
      { Name: 'Cluster Name', Value: 'sfc-msk' }, { Name: 'Consumer Group', Value: 'sfc-dev-txn-act' }, { Name: 'Topic', Value: 'sfc-dev-processed_transactions' },
    ]);
    expect(r.DeadLetteredAlarm.Properties).toMatchObject({ Namespace: 'sfc-dev', MetricName: 'RecordsDeadLettered' });
    expect(r.CasesOverAgeAlarm.Properties).toMatchObject({ Namespace: 'sfc-dev', MetricName: 'CasesOverAge', Dimensions: [{ Name: 'service', Value: 'txn' }], Threshold: 1 });
    expect(r.AgeingLambdaFunction.Properties.Environment.Variables.CASES_TABLE).toEqual({ Ref: 'CasesTable' });
    expect(template.Outputs.AlarmTopicArn.Export.Name).toEqual({ 'Fn::Sub': '${AWS::StackName}-AlarmTopicArn' });
    expect(r.AlarmEmailSubscription.Condition).toBe('HasAlarmEmail');
    // act remembers sent alerts in DynamoDB (Powertools Idempotency), with only the item calls it makes
    const act = r.ActLambdaFunction.Properties;
    expect(act.Environment.Variables).toMatchObject({ IDEMPOTENCY_STORE: 'dynamodb', IDEMPOTENCY_TABLE: { Ref: 'AlertIdempotencyTable' }, POWERTOOLS_METRICS_NAMESPACE: 'sfc-dev' });
    expect(r.AlertIdempotencyTable.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiration', Enabled: true });
    expect(JSON.stringify(r.ActOperationsPolicy.Properties.PolicyDocument)).toContain('dynamodb:PutItem');
    expect(r.ActOperationsPolicy.Properties.Roles).toEqual([{ Ref: 'ActIamRoleLambdaExecution' }]);
    expect(['Produce', 'Score', 'Act', 'Topics'].map((f) => r[`${f}LambdaFunction`].Properties.TracingConfig)).toEqual(Array(4).fill({ Mode: 'Active' }));
    expect(JSON.parse(r.OperationsDashboard.Properties.DashboardBody['Fn::Sub'][0]).widgets.length).toBeGreaterThanOrEqual(8);
  });

  it('pseudonymisation keys: a generated secret, retained, readable by act alone and only that secret', () => {
    const r = template.Resources;
    expect(r.PseudonymKeySecret).toMatchObject({
      Type: 'AWS::SecretsManager::Secret', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain',
      Properties: { GenerateSecretString: { SecretStringTemplate: '{"current":"v1"}', GenerateStringKey: 'v1', PasswordLength: 64, ExcludePunctuation: true } },
    });
    expect(r.PseudonymKeySecret.Properties.SecretString).toBeUndefined();
    expect(r.ActLambdaFunction.Properties.Environment.Variables).toMatchObject({ PSEUDONYM_KEYS: 'secretsmanager', PSEUDONYM_SECRET_ID: { Ref: 'PseudonymKeySecret' }, LAKE_PII: 'tokens' });
    const grants = Object.entries(r).filter(([, v]: [string, any]) => v.Type === 'AWS::IAM::Role')
      .flatMap(([id, role]: [string, any]) => (role.Properties.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement)
        .filter((st: any) => JSON.stringify(st.Action).includes('secretsmanager')).map((st: any) => [id, st.Action, st.Resource]));
    expect(grants).toEqual([['ActIamRoleLambdaExecution', ['secretsmanager:GetSecretValue'], { Ref: 'PseudonymKeySecret' }]]);
    expect(template.Outputs.PseudonymKeySecretArn.Value).toEqual({ Ref: 'PseudonymKeySecret' });
  });

  it('lists: a DynamoDB table score reads and only the editors\' managed policy writes', () => {
    const r = template.Resources;
    expect(r.ListsTable.Properties.KeySchema).toEqual([{ AttributeName: 'list', KeyType: 'HASH' }, { AttributeName: 'element', KeyType: 'RANGE' }]);
    expect(r.ListsTable.DeletionPolicy).toBe('Retain');
    expect(r.ScoreLambdaFunction.Properties.Environment.Variables).toMatchObject({ LISTS_STORE: 'dynamodb', LISTS_TABLE: { Ref: 'ListsTable' } });
    // Every statement anywhere in the template that names the lists table, with its actions.
    const onLists: [string, string[]][] = [];
    const visit = (id: string, node: any): void => {
      if (Array.isArray(node)) return node.forEach((n) => visit(id, n));
      if (!node || typeof node !== 'object') return;
      if (node.Action && JSON.stringify(node.Resource ?? '').includes('ListsTable')) onLists.push([id, [node.Action].flat()]);
      for (const v of Object.values(node)) visit(id, v);
    };
    for (const [id, res] of Object.entries(r)) visit(id, res);
    const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
    expect(onLists.filter(([, actions]) => actions.some((a) => writes.includes(a))).map(([id]) => id)).toEqual(['ListsEditorPolicy']);
    expect(onLists.filter(([id]) => id !== 'ListsEditorPolicy')).toEqual([['ScoreIamRoleLambdaExecution', ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']]]);
    expect(template.Outputs.ListsEditorPolicyArn.Value).toEqual({ Ref: 'ListsEditorPolicy' });
  });

  it('review cases: a retained, encrypted table with PITR and no TTL; act only creates, the analysts\' managed policy only decides', () => {
    const r = template.Resources;
    expect(r.CasesTable).toMatchObject({
      DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [{ AttributeName: 'case_id', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [{ IndexName: 'by_entity', KeySchema: [{ AttributeName: 'entity_id', KeyType: 'HASH' }, { AttributeName: 'entity_order', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } }, expect.anything()],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, SSESpecification: { SSEEnabled: true }, DeletionProtectionEnabled: true,
      },
    });
    expect(r.CasesTable.Properties.TimeToLiveSpecification).toBeUndefined();
    expect(r.ActLambdaFunction.Properties.Environment.Variables).toMatchObject({ CASES_STORE: 'dynamodb', CASES_TABLE: { Ref: 'CasesTable' }, CASES_FOR_BLOCK: 'false' });
    // Every statement anywhere in the template that names the cases table (or its index), with its actions.
    const onCases: [string, string[]][] = [];
    const visit = (id: string, node: any): void => {
      if (Array.isArray(node)) return node.forEach((n) => visit(id, n));
      if (!node || typeof node !== 'object') return;
      if (node.Action && JSON.stringify(node.Resource ?? '').includes('CasesTable')) onCases.push([id, [node.Action].flat()]);
      for (const v of Object.values(node)) visit(id, v);
    };
    for (const [id, res] of Object.entries(r)) visit(id, res);
    expect(onCases).toEqual([
      ['ActIamRoleLambdaExecution', ['dynamodb:PutItem']], ['ActIamRoleLambdaExecution', ['dynamodb:Query']], ['AgeingIamRoleLambdaExecution', ['dynamodb:Query']],
      ['ReviewIamRoleLambdaExecution', ['dynamodb:GetItem']], ['ReviewIamRoleLambdaExecution', ['dynamodb:Query']], ['ReviewIamRoleLambdaExecution', ['dynamodb:UpdateItem']],
      ['CasesAnalystPolicy', ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan']], ['CasesAnalystPolicy', ['dynamodb:UpdateItem']],
    ]);
    const statements = (id: string) => (id === 'CasesAnalystPolicy' ? r[id].Properties.PolicyDocument.Statement
      : r[id].Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement)).filter((st: any) => JSON.stringify(st.Resource).includes('CasesTable'));
    const [put, query] = statements('ActIamRoleLambdaExecution');
    expect(put.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['case_id', 'entity_id', 'entity_order', 'body', 'queue_status', 'queue_order'] } });
    expect(JSON.stringify(query.Resource)).toContain('/index/by_entity');
    const decisionAttributes = { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['case_id', 'decision', 'label_sent_at', 'escalations', 'queue_status', 'queue_order'] } };
    expect(statements('CasesAnalystPolicy')[1].Condition).toEqual(decisionAttributes);
    const [get, queue, update] = statements('ReviewIamRoleLambdaExecution');
    expect([get.Resource, JSON.stringify(queue.Resource), update.Condition]).toEqual([{ 'Fn::GetAtt': ['CasesTable', 'Arn'] }, expect.stringContaining('/index/by_status'), decisionAttributes]);
    expect(JSON.stringify(statements('AgeingIamRoleLambdaExecution')[0].Resource)).toContain('/index/by_status');
    expect(r.CasesTable.Properties.GlobalSecondaryIndexes[1]).toEqual({
      IndexName: 'by_status', KeySchema: [{ AttributeName: 'queue_status', KeyType: 'HASH' }, { AttributeName: 'queue_order', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' },
    });
    expect(template.Outputs.CasesAnalystPolicyArn.Value).toEqual({ Ref: 'CasesAnalystPolicy' });
  });

  it('review API: every method behind the Cognito authorizer of the review user pool; groups analyst and senior, no self sign-up', () => {
    const r = template.Resources;
    const methods = Object.entries(r).filter(([, v]: [string, any]) => v.Type === 'AWS::ApiGateway::Method') as [string, any][];
    expect(methods.length).toBeGreaterThanOrEqual(4);
    const open = methods.filter(([, m]) => m.Properties.AuthorizationType !== 'COGNITO_USER_POOLS' || m.Properties.AuthorizerId?.Ref !== 'ReviewAuthorizer').map(([id]) => id);
    expect(open).toEqual([]);
    expect(r.ReviewAuthorizer.Properties).toMatchObject({ Type: 'COGNITO_USER_POOLS', ProviderARNs: [{ 'Fn::GetAtt': ['ReviewUserPool', 'Arn'] }], IdentitySource: 'method.request.header.Authorization' });
    expect(r.ReviewUserPool.Properties.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    expect([r.ReviewAnalystGroup.Properties.GroupName, r.ReviewSeniorGroup.Properties.GroupName]).toEqual(['analyst', 'senior']);
    expect(r.ReviewPageClient.Properties.GenerateSecret).toBe(false);
    expect(r.ReviewLambdaFunction.Properties.Environment.Variables).toMatchObject({ CASES_STORE: 'dynamodb', CASES_TABLE: { Ref: 'CasesTable' } });
    // The label producer: the labels topic only.
    const kafka = r.ReviewIamRoleLambdaExecution.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).filter((st: any) => [st.Action].flat().includes('kafka-cluster:WriteData'));
    expect(kafka.map((st: any) => st.Resource)).toEqual([expect.stringMatching(/:topic\/sfc-msk\/[^/]+\/sfc-dev-fraud_labels$/)]);
  });

  it('review page: a private bucket only the review distribution reads; CloudFront serves the page and /api/* from one origin; the page written with the hosted UI\'s settings', () => {
    const r = template.Resources;
    const page = r.ReviewPageBucket.Properties;
    expect(page.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(page.WebsiteConfiguration).toBeUndefined();
    const statements = r.ReviewPageBucketTlsOnlyPolicy.Properties.PolicyDocument.Statement;
    const allows = statements.filter((st: any) => st.Effect === 'Allow');
    // One grant: GetObject to CloudFront, for this stack's distribution only
    expect(allows).toEqual([expect.objectContaining({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' })]);
    expect(JSON.stringify(allows[0].Condition.StringEquals['AWS:SourceArn'])).toContain('{"Ref":"ReviewDistribution"}');
    const d = r.ReviewDistribution.Properties.DistributionConfig;
    const [pageOrigin, apiOrigin] = d.Origins;
    expect(pageOrigin).toMatchObject({ Id: 'page', OriginAccessControlId: { 'Fn::GetAtt': ['ReviewPageOriginAccess', 'Id'] }, S3OriginConfig: { OriginAccessIdentity: '' } });
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('ApiGatewayRestApi');
    expect(apiOrigin.OriginPath).toBe('/dev');
    expect(d.DefaultCacheBehavior).toMatchObject({ TargetOriginId: 'page', ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] });
    expect(d.CacheBehaviors).toEqual([expect.objectContaining({ PathPattern: '/api/*', TargetOriginId: 'api', CachePolicyId: { Ref: 'ReviewApiCachePolicy' } })]);
    expect(r.ReviewApiCachePolicy.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: ['Authorization'] });
    expect(r.ReviewPageOriginAccess.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    // The page client: code flow only, callback the distribution's address
    expect(r.ReviewPageClient.Properties).toMatchObject({ AllowedOAuthFlows: ['code'], CallbackURLs: [{ 'Fn::Sub': 'https://${ReviewDistribution.DomainName}/' }] });
    expect(r.ReviewPage.Properties).toMatchObject({ ServiceToken: { 'Fn::GetAtt': ['ReviewPageLambdaFunction', 'Arn'] }, Bucket: { Ref: 'ReviewPageBucket' }, ClientId: { Ref: 'ReviewPageClient' }, PageDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The page writer may put index.html into the page bucket, nothing else
    const writes = r.ReviewPageIamRoleLambdaExecution.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).filter((st: any) => JSON.stringify(st.Action).includes('s3:'));
    expect(writes).toEqual([{ Effect: 'Allow', Action: ['s3:PutObject'], Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['ReviewPageBucket', 'Arn'] }, '/index.html']] } }]);
    expect(r.ReviewLambdaFunction.Properties.Environment.Variables.REVIEW_ORIGIN).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['ReviewDistribution', 'DomainName'] }]] });
    expect(template.Outputs.ReviewPageUrl.Value).toEqual({ 'Fn::Sub': 'https://${ReviewDistribution.DomainName}/' });
  });

  it('passes cfn-lint', () => {
    expect(cfnLint(templatePath)).toBe('');
  });

  it('gives each function its own role with no wildcard actions', () => {
    expect(functionRoles(template)).toEqual(['ActIamRoleLambdaExecution', 'AgeingIamRoleLambdaExecution', 'LabelIamRoleLambdaExecution', 'ProduceIamRoleLambdaExecution', 'ReviewIamRoleLambdaExecution', 'ReviewPageIamRoleLambdaExecution', 'ScoreIamRoleLambdaExecution', 'TopicsIamRoleLambdaExecution']);
    expect(wildcardActions(template)).toEqual([]);
    expect(JSON.stringify(template)).toContain('kafka-cluster:ReadData');
  });

  it('creates no role that no function uses, and grants the event sources\' kafka actions on the cluster only', () => {
    // osls's default IamRoleLambdaExecution stays behind serverless-iam-roles-per-function unless removed
    expect(unusedRoles(template)).toEqual([]);
    expect(resourcesOfType(template, 'AWS::IAM::Role')).toEqual(functionRoles(template));
    expect(actionsOnAnyResource(template, 'kafka:')).toEqual([]);
    const cluster = template.Resources.ScoreIamRoleLambdaExecution.Properties.Policies[0].PolicyDocument.Statement
      .find((st: any) => [st.Action].flat().includes('kafka:GetBootstrapBrokers'));
    expect(cluster.Resource).toMatch(/^arn:aws:kafka:us-east-1:\d{12}:cluster\/sfc-msk\//);
  });

  it('wires score, act and label to the stage\'s topics and consumer groups, after the deploy created the topics', () => {
    const mappings = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::Lambda::EventSourceMapping') as any[];
    expect(mappings.map((m) => m.Properties.Topics[0]).sort()).toEqual(['sfc-dev-fraud_labels', 'sfc-dev-processed_transactions', 'sfc-dev-transactions']);
    expect(mappings.map((m) => m.Properties.AmazonManagedKafkaEventSourceConfig.ConsumerGroupId).sort()).toEqual(['sfc-dev-txn-act', 'sfc-dev-txn-label', 'sfc-dev-txn-score']);
    for (const m of mappings) expect(m.DependsOn).toContain('KafkaTopics');
    const topics = template.Resources.KafkaTopics.Properties;
    expect(topics.Topics.map((t: any) => [t.Name, t.Partitions, t.ReplicationFactor, t.Configs['min.insync.replicas']])).toEqual([
      ['sfc-dev-transactions', '6', '3', '2'], ['sfc-dev-processed_transactions', '6', '3', '2'], ['sfc-dev-transactions_dlq', '6', '3', '2'], ['sfc-dev-fraud_labels', '6', '3', '2'],
    ]);
    expect(topics.DeleteTopicsOnRemove).toBe('false');
    const env = template.Resources.ScoreLambdaFunction.Properties.Environment.Variables;
    expect([env.TRANSACTIONS_TOPIC, env.PROCESSED_TOPIC, env.DLQ_TOPIC, env.LABELS_TOPIC]).toEqual(['sfc-dev-transactions', 'sfc-dev-processed_transactions', 'sfc-dev-transactions_dlq', 'sfc-dev-fraud_labels']);
    const functions = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::Lambda::Function') as any[];
    expect(functions.every((f) => f.Properties.Runtime === 'nodejs22.x')).toBe(true);
  });

  it('keeps the lake when the stack is removed, TLS-only, encrypted, with old versions expiring', () => {
    expect(resourcesOfType(template, 'AWS::S3::Bucket')).toEqual(['FailuresBucket', 'LakeBucket', 'ReviewPageBucket', 'ServerlessDeploymentBucket']);
    expect(bucketProblems(template)).toEqual([]);
    expect(template.Outputs.LakeBucketName.Export.Name).toEqual({ 'Fn::Sub': '${AWS::StackName}-LakeBucketName' });
  });

  it('creates the VPC endpoints and the cluster ingress the settings ask for', () => {
    expect(resourcesOfType(template, 'AWS::EC2::VPCEndpoint')).toEqual(['DynamoDbEndpoint', 'LambdaEndpoint', 'S3Endpoint', 'SnsEndpoint', 'StsEndpoint']);
    const ingress = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::EC2::SecurityGroupIngress').map((r: any) => [r.Properties.SourceSecurityGroupId, r.Properties.FromPort]);
    expect(ingress).toEqual([['sg-0fedcba9876543210', 9098], ['sg-0123456789abcdef0', 9098]]);
  });

  it('fails before CloudFormation with one line naming every missing or malformed setting', () => {
    expect(() => packageService('txn', { AWS_REGION: 'us-east-1', SFC_SUBNET_IDS: 'subnet-1', SFC_TOPIC_PARTITIONS: '0' })).toThrow(
      /exited 2:\s*\nerror: deployment settings for sfc-txn \(stage dev\): missing SFC_MSK_CLUSTER_ARN, SFC_KAFKA_BOOTSTRAP, SFC_SECURITY_GROUP_IDS; SFC_SUBNET_IDS="subnet-1" is not a comma-separated list of subnet ids; SFC_TOPIC_PARTITIONS="0" is not a whole number from 1 to 1000 \(README[^\n]*\)\n$/,
    );
  }, 120_000);

  it('packages a score bundle that runs on its own and carries only linux/x64 native code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-zip-'));
    execFileSync('unzip', ['-q', join(REPO_ROOT, 'services/txn/.serverless/score.zip'), '-d', dir]);
    const listing = execFileSync('find', [join(dir, 'node_modules/onnxruntime-node/bin'), '-name', '*.node'], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.every((p) => p.includes('/linux/x64/'))).toBe(true);
    const script = `const { handler } = require('./src/handlers/score.cjs');
      const ev = JSON.parse(require('fs').readFileSync(${JSON.stringify(join(REPO_ROOT, 'services/txn/events/msk-transactions.json'))}, 'utf8'));
      handler(ev).then((r) => console.log(JSON.stringify(r)));`;
    const out = execFileSync('node', ['-e', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, TOPICS: 'memory', LOG_LEVEL: 'silent', DATA_DIR: join(dir, '.data'), FRAUD_MODEL_DIR: '' } });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toMatchObject({ received: 11, scored: 10, deadLettered: 1 });
  });
});
