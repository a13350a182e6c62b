// The network pieces of the txn stack, from the deployment settings (README, "Deploy to AWS",
// networking). With SFC_VPC_ENDPOINTS=true: gateway endpoints for S3 (lake writes, and the custom
// resource's answer to CloudFormation) and DynamoDB (entity state); interface endpoints for SNS
// (alerts), STS and Lambda (the MSK event source mapping assumes the role and invokes the functions
// from the cluster's subnets), behind a security group open on 443 to the functions' groups (and the
// cluster's). Leave it off when the subnets route to a NAT gateway or the endpoints exist.
// With SFC_MSK_SECURITY_GROUP_ID: the cluster's ingress on 9098 (IAM auth) from the functions' groups
// and from its own group, which the event source mapping's pollers use.
// serverless.yml includes `${file(../../scripts/deploy/network.cjs):txn}`.
'use strict';

const { settingsFromOptions } = require('./settingsSpec.cjs');

const logicalId = (prefix, sg) => `${prefix}${sg.replace(/[^A-Za-z0-9]/g, '')}`;

function endpoints(s) {
  const sources = [...s.securityGroupIds, ...(s.mskSecurityGroupId ? [s.mskSecurityGroupId] : [])];
  const gateway = (service) => ({
    Type: 'AWS::EC2::VPCEndpoint',
    Properties: { VpcId: s.vpcId, VpcEndpointType: 'Gateway', ServiceName: { 'Fn::Sub': `com.amazonaws.\${AWS::Region}.${service}` }, RouteTableIds: s.routeTableIdList.split(',') },
  });
  const iface = (service) => ({
    Type: 'AWS::EC2::VPCEndpoint',
    Properties: {
      VpcId: s.vpcId, VpcEndpointType: 'Interface', PrivateDnsEnabled: true, SubnetIds: s.subnetIds,
      ServiceName: { 'Fn::Sub': `com.amazonaws.\${AWS::Region}.${service}` }, SecurityGroupIds: [{ Ref: 'EndpointSecurityGroup' }],
    },
  });
  return {
    EndpointSecurityGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'HTTPS from the txn functions and the MSK event source to the AWS interface endpoints',
        VpcId: s.vpcId,
        SecurityGroupIngress: sources.map((sg) => ({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourceSecurityGroupId: sg })),
      },
    },
    S3Endpoint: gateway('s3'),
    DynamoDbEndpoint: gateway('dynamodb'),
    SnsEndpoint: iface('sns'),
    StsEndpoint: iface('sts'),
    LambdaEndpoint: iface('lambda'),
  };
}

function mskIngress(s) {
  const rule = (source, description) => ({
    Type: 'AWS::EC2::SecurityGroupIngress',
    Properties: { GroupId: s.mskSecurityGroupId, SourceSecurityGroupId: source, IpProtocol: 'tcp', FromPort: 9098, ToPort: 9098, Description: description },
  });
  const out = { MskIngressFromCluster: rule(s.mskSecurityGroupId, 'MSK event source pollers (IAM auth)') };
  for (const sg of s.securityGroupIds) out[logicalId('MskIngressFrom', sg)] = rule(sg, 'txn functions (IAM auth)');
  return out;
}

module.exports = {
  txn: ({ options }) => {
    const { values: s, problems } = settingsFromOptions('sfc-txn', options);
    if (problems.length > 0) return { Resources: {} }; // settings.cjs reports them
    return {
      Resources: {
        ...(s.vpcEndpoints === 'true' ? endpoints(s) : {}),
        ...(s.mskSecurityGroupId ? mskIngress(s) : {}),
      },
    };
  },
};
