// Checks of the review page's resources in a deployed stage (resources/review.yml): the user pool and
// its groups, the page client, the API's authorizer on every method, the private page bucket written
// by the ReviewPage custom resource, and the distribution in front of both. moto_server.py models the
// Cognito, authorizer and CloudFront types moto's CloudFormation skips, so these are moto's backends.
import { APIGatewayClient, GetAuthorizersCommand, GetMethodCommand, GetResourcesCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { CloudFrontClient, GetDistributionConfigCommand, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand, DescribeUserPoolCommand, DescribeUserPoolDomainCommand, ListGroupsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetBucketPolicyCommand, GetObjectCommand, GetPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { check } from './verify.js';

export interface ReviewClients {
  idp: CognitoIdentityProviderClient;
  apigw: APIGatewayClient;
  cloudfront: CloudFrontClient;
  s3: S3Client;
}

/** `outputs`: the txn stack's outputs by key. Returns what was found, for the step's summary. */
export async function verifyReview(aws: ReviewClients, stage: string, outputs: Record<string, string>): Promise<Record<string, unknown>> {
  const poolId = outputs.ReviewUserPoolId;
  const clientId = outputs.ReviewPageClientId;
  check(!!poolId && !!clientId, `txn outputs the review user pool and page client (${poolId}, ${clientId})`);
  const pool = (await aws.idp.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!;
  check(pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly === true, `user pool ${poolId}: no self sign-up`);
  const groups = ((await aws.idp.send(new ListGroupsCommand({ UserPoolId: poolId }))).Groups ?? []).map((g) => g.GroupName).sort();
  check(groups.join() === 'analyst,senior', `user pool ${poolId} has the groups analyst and senior (${groups.join(', ')})`);
  const client = (await aws.idp.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))).UserPoolClient!;
  check(!client.ClientSecret, `page client ${clientId} has no secret`);
  check(client.AllowedOAuthFlows?.join() === 'code', `page client ${clientId}: authorization code flow only (${client.AllowedOAuthFlows?.join(', ')})`);
  const pageUrl = outputs.ReviewPageUrl ?? '';
  check(/^https:\/\/[a-z0-9]+\.cloudfront\.net\/$/.test(pageUrl), `txn outputs the page's CloudFront address (${pageUrl})`);
  check(client.CallbackURLs?.join() === pageUrl, `page client's callback is the page (${client.CallbackURLs?.join(', ')})`);
  const domain = /^https:\/\/([^.]+)\.auth\./.exec(outputs.ReviewHostedUiDomain ?? '')?.[1];
  const described = (await aws.idp.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription;
  check(described?.UserPoolId === poolId, `hosted UI domain ${domain} belongs to the pool`);

  // Every method of the review API: COGNITO_USER_POOLS with the pool's authorizer
  // The stage's API by the id in its endpoint (moto keeps a removed stack's API, under the same name)
  const apiId = /^https:\/\/([a-z0-9]+)\.execute-api\./.exec(outputs.ServiceEndpoint ?? '')?.[1];
  const api = ((await aws.apigw.send(new GetRestApisCommand({ limit: 500 }))).items ?? []).find((a) => a.id === apiId);
  check(!!api && api.name === `${stage}-sfc-txn`, `the review REST API ${stage}-sfc-txn of ServiceEndpoint ${outputs.ServiceEndpoint} exists`);
  const authorizers = (await aws.apigw.send(new GetAuthorizersCommand({ restApiId: api!.id }))).items ?? [];
  check(authorizers.length === 1 && authorizers[0]!.type === 'COGNITO_USER_POOLS' && authorizers[0]!.providerARNs?.[0] === pool.Arn,
    `the API has one authorizer, COGNITO_USER_POOLS on ${pool.Arn} (${JSON.stringify(authorizers.map((a) => [a.type, a.providerARNs]))})`);
  const methods: string[] = [];
  for (const r of (await aws.apigw.send(new GetResourcesCommand({ restApiId: api!.id, limit: 500 }))).items ?? []) {
    for (const m of Object.keys(r.resourceMethods ?? {})) {
      const method = await aws.apigw.send(new GetMethodCommand({ restApiId: api!.id, resourceId: r.id, httpMethod: m }));
      if (m === 'OPTIONS') continue;
      check(method.authorizationType === 'COGNITO_USER_POOLS' && method.authorizerId === authorizers[0]!.id,
        `${m} ${r.path} is behind the Cognito authorizer (${method.authorizationType}, ${method.authorizerId})`);
      methods.push(`${m} ${r.path}`);
    }
  }
  check(methods.length >= 4, `the review API's four methods are deployed (${methods.join(', ')})`);

  // The page bucket: public access blocked, read by the distribution alone, holding the configured page
  const bucket = outputs.ReviewPageBucketName!;
  check(bucket?.startsWith(`sfc-${stage}-review-page-`), `txn outputs its page bucket (${bucket})`);
  const block = (await aws.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration;
  check(!!block?.BlockPublicAcls && !!block.BlockPublicPolicy && !!block.IgnorePublicAcls && !!block.RestrictPublicBuckets, `${bucket}: public access blocked`);
  const dist = ((await aws.cloudfront.send(new ListDistributionsCommand({}))).DistributionList?.Items ?? []).find((d) => `https://${d.DomainName}/` === pageUrl);
  check(!!dist, `the distribution ${pageUrl} exists`);
  const policy = JSON.parse((await aws.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '{}') as { Statement: any[] };
  const allows = policy.Statement.filter((st) => st.Effect === 'Allow');
  check(allows.length === 1 && allows[0].Principal?.Service === 'cloudfront.amazonaws.com' && allows[0].Action === 's3:GetObject'
    && String(allows[0].Condition?.StringEquals?.['AWS:SourceArn']).endsWith(`:distribution/${dist!.Id}`),
  `${bucket}: only the review distribution may read it (${JSON.stringify(allows)})`);
  check(policy.Statement.some((st) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false'), `${bucket}: TLS only`);
  const config = (await aws.cloudfront.send(new GetDistributionConfigCommand({ Id: dist!.Id }))).DistributionConfig!;
  const origins = Object.fromEntries((config.Origins?.Items ?? []).map((o) => [o.Id, o]));
  check(origins.page?.DomainName === `${bucket}.s3.us-east-1.amazonaws.com` && config.DefaultCacheBehavior?.TargetOriginId === 'page', `the distribution serves the page from ${bucket}`);
  check(origins.api?.DomainName === `${api!.id}.execute-api.us-east-1.amazonaws.com` && origins.api?.OriginPath === `/${stage}`, `the distribution's api origin is the stage of the review API (${origins.api?.DomainName}${origins.api?.OriginPath})`);
  check((config.CacheBehaviors?.Items ?? []).some((b) => b.PathPattern === '/api/*' && b.TargetOriginId === 'api'), 'the distribution sends /api/* to the API');

  // The page as the ReviewPage custom resource wrote it: the hosted UI's settings, no secret
  const html = await (await aws.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'index.html' }))).Body!.transformToString();
  const written = JSON.parse(/<script id="sfc-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as Record<string, string>;
  check(written.auth === 'cognito' && written.clientId === clientId && written.redirectUri === pageUrl && written.domain === outputs.ReviewHostedUiDomain && written.apiBase === '',
    `index.html carries the stage's sign-in settings (${JSON.stringify(written)})`);
  return { pool: poolId, groups, client: clientId, methods, bucket, page: pageUrl };
}
