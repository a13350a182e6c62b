// The S3 buckets of every service, built from one definition so they cannot drift apart: encrypted
// (SSE-S3, or SSE-KMS with the key in SFC_KMS_KEY_ARN), versioned, public access blocked, TLS-only
// (a bucket policy denies plain-HTTP requests), old versions expiring, optional retention, and
// retained when the stack is removed (CloudFormation cannot delete a bucket holding objects, and the
// data must outlive the stack): `npm run purge` deletes the retained buckets of a removed stage.
// serverless.yml includes `${file(../../scripts/deploy/buckets.cjs):<service>}`.
'use strict';

const STACK_SUFFIX = { 'Fn::Select': [0, { 'Fn::Split': ['-', { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] }] }] };

/**
 * A bucket's name: sfc-<stage>-<name>-<account>-<first block of the stack UUID>. Unique per account,
 * region, stage and stack instance, unguessable by others, and computed without a Ref to the bucket, so
 * a function's role and environment can name it without a dependency cycle.
 */
const bucketName = (stage, name) => ({ 'Fn::Join': ['-', ['sfc', stage, name, { Ref: 'AWS::AccountId' }, STACK_SUFFIX]] });
const bucketArn = (stage, name, path = '') => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', bucketName(stage, name), path]] });

/**
 * Parameters and conditions of a service's buckets (values come from the deployment settings):
 * `retentionParams` are days to keep objects (0 = for ever, with a Has<Name> condition), `dayParams` other
 * day counts.
 */
function commonParameters(retentionParams, dayParams) {
  const Parameters = {
    KmsKeyArn: { Type: 'String', Default: '', Description: 'Customer-managed KMS key for the buckets (empty: SSE-S3)' },
    NoncurrentVersionDays: { Type: 'Number', Default: 30, MinValue: 1, Description: 'Days an old object version is kept' },
  };
  const Conditions = { UseKms: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'KmsKeyArn' }, ''] }] } };
  for (const [param, description] of Object.entries(retentionParams)) {
    Parameters[param] = { Type: 'Number', Default: 0, MinValue: 0, Description: description };
    Conditions[`Has${param}`] = { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: param }, '0'] }] };
  }
  for (const [param, description] of Object.entries(dayParams)) Parameters[param] = { Type: 'Number', Default: 1, MinValue: 1, Description: description };
  return { Parameters, Conditions };
}

/**
 * One bucket and its TLS-only policy. `retention`: days to keep objects, or the Number parameter that
 * holds them (0 = for ever); `noncurrentDays`: a parameter or number overriding NoncurrentVersionDays; `properties` and
 * `dependsOn` add to the bucket (e.g. a notification); `statements` to its policy (a bucket has one policy);
 * `kms: false` keeps SSE-S3 even with SFC_KMS_KEY_ARN.
 */
function bucket(stage, { id, name, retention, noncurrentDays, properties = {}, dependsOn, statements = [], kms = true }) {
  const rules = [{
    Id: 'expire-old-versions',
    Status: 'Enabled',
    NoncurrentVersionExpiration: { NoncurrentDays: noncurrentDays ?? { Ref: 'NoncurrentVersionDays' } },
    AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
    ExpiredObjectDeleteMarker: true,
  }];
  if (typeof retention === 'number') rules.push({ Id: 'retention', Status: 'Enabled', ExpirationInDays: retention });
  else if (retention) {
    rules.push({ 'Fn::If': [`Has${retention}`, { Id: 'retention', Status: 'Enabled', ExpirationInDays: { Ref: retention } }, { Ref: 'AWS::NoValue' }] });
  }
  const arn = { 'Fn::GetAtt': [id, 'Arn'] };
  return {
    [id]: {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      ...(dependsOn ? { DependsOn: dependsOn } : {}),
      Properties: {
        BucketName: bucketName(stage, name),
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: kms ? { 'Fn::If': ['UseKms', { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { Ref: 'KmsKeyArn' } }, { SSEAlgorithm: 'AES256' }] } : { SSEAlgorithm: 'AES256' },
          }],
        },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: { Rules: rules },
        Tags: [
          { Key: 'sfc:stage', Value: stage },
          { Key: 'sfc:bucket', Value: name },
          { Key: 'sfc:stack-id', Value: { Ref: 'AWS::StackId' } },
        ],
        ...properties,
      },
    },
    [`${id}TlsOnlyPolicy`]: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: id },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [arn, { 'Fn::Join': ['', [arn, '/*']] }],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }, ...statements],
        },
      },
    },
  };
}

/**
 * With SFC_KMS_KEY_ARN set, what each role may do with the key (S3 calls KMS with the caller's
 * permissions: GenerateDataKey to write, Decrypt to read); without it, no policy at all.
 */
const kmsPolicy = (grants) => ({
  BucketKeyPolicy: {
    Type: 'AWS::IAM::Policy',
    Condition: 'UseKms',
    Properties: {
      PolicyName: 'bucket-kms-key',
      Roles: grants.map((g) => ({ Ref: g.role })),
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [...new Set(grants.flatMap((g) => g.actions))], Resource: { Ref: 'KmsKeyArn' } }] },
    },
  },
});

const stageOf = (options) => options.stage ?? 'dev';

/** The fragment of `resources` with the buckets of one service, and its roles' use of the KMS key. */
const fragment = ({ retention = {}, days = {} }, buckets, kmsGrants) => ({ options }) => {
  const stage = stageOf(options);
  const { Parameters, Conditions } = commonParameters(retention, days);
  return { Parameters, Conditions, Resources: Object.assign({}, ...buckets(stage).map((b) => bucket(stage, b)), kmsPolicy(kmsGrants)) };
};

module.exports = {
  // Names and ARNs of buckets that a role or environment must name without a Ref (see bucketName).
  refs: {
    uploadsName: ({ options }) => bucketName(stageOf(options), 'uploads'),
    uploadsArn: ({ options }) => bucketArn(stageOf(options), 'uploads'),
    uploadsObjectsArn: ({ options }) => bucketArn(stageOf(options), 'uploads', '/*'),
  },
  // txn: the data lake (processed/ transactions, compliance/ findings), and the MSK event source
  // mappings' on-failure destination (batches that used up their retries, whole; kept 30 days).
  txn: fragment({ retention: { LakeRetentionDays: 'Days lake objects are kept (0: for ever)' } }, () => [
    { id: 'LakeBucket', name: 'lake', retention: 'LakeRetentionDays' },
    { id: 'FailuresBucket', name: 'failures', retention: 30 },
    // The analysts' review page (one file, written by the ReviewPage custom resource): private, read by
    // the review distribution alone (CloudFront origin access control, signed requests from that
    // distribution only), never public. Old versions expire after 7 days.
    {
      id: 'ReviewPageBucket',
      name: 'review-page',
      noncurrentDays: 7,
      // SSE-S3 always: CloudFront could read an SSE-KMS object only if the key's policy (outside this stack) let it.
      kms: false,
      statements: [{
        Sid: 'ReviewDistributionReadsThePage',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['ReviewPageBucket', 'Arn'] }, '/*']] },
        Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: 'ReviewDistribution' }]] } } },
      }],
    },
  ], [{ role: 'ActIamRoleLambdaExecution', actions: ['kms:GenerateDataKey'] }, { role: 'ScoreIamRoleLambdaExecution', actions: ['kms:GenerateDataKey'] }]),
  // cs: uploads (the inbox, notifying the scan function), and where documents are routed.
  cs: fragment({
    days: { UploadsNoncurrentDays: 'Days an old upload version is kept' },
    retention: {
      PiiRetentionDays: 'Days documents with personal data are kept (0: for ever)',
      CleanRetentionDays: 'Days clean documents are kept (0: for ever)',
      QuarantineRetentionDays: 'Days quarantined documents are kept (0: for ever)',
    },
  }, () => [
    {
      id: 'UploadsBucket',
      name: 'uploads',
      noncurrentDays: { Ref: 'UploadsNoncurrentDays' },
      dependsOn: 'ScanUploadsPermission',
      properties: {
        NotificationConfiguration: {
          LambdaConfigurations: [{
            Event: 's3:ObjectCreated:*',
            Function: { 'Fn::GetAtt': ['ScanLambdaFunction', 'Arn'] },
            Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'loans/' }, { Name: 'suffix', Value: '.pdf' }] } },
          }],
        },
      },
    },
    { id: 'PiiBucket', name: 'pii', retention: 'PiiRetentionDays' },
    { id: 'CleanBucket', name: 'clean', retention: 'CleanRetentionDays' },
    { id: 'QuarantineBucket', name: 'quarantine', retention: 'QuarantineRetentionDays' },
    // redacted copies of pii documents (REDACT): kept as long as the documents they were made from
    { id: 'RedactedBucket', name: 'redacted', retention: 'PiiRetentionDays' },
  ], [{ role: 'ScanIamRoleLambdaExecution', actions: ['kms:Decrypt', 'kms:GenerateDataKey'] }]),
  // rpt: the dashboard, and Athena's query results (kept a week).
  rpt: fragment({ retention: { ReportsRetentionDays: 'Days dashboard versions are kept (0: for ever)' } }, () => [
    { id: 'ReportsBucket', name: 'reports', retention: 'ReportsRetentionDays' },
    { id: 'AthenaResultsBucket', name: 'athena-results', retention: 7 },
  ], [{ role: 'ReportIamRoleLambdaExecution', actions: ['kms:Decrypt', 'kms:GenerateDataKey'] }]),
};
