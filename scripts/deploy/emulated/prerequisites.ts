// What a stage needs before `serverless deploy` (README, "Deploy to AWS", prerequisites), created in the
// emulator: a VPC with two subnets, a route table and security groups; an MSK cluster with IAM auth;
// the cs image in ECR. Returns the deployment settings that name them, as a user would export them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssociateRouteTableCommand, CreateRouteTableCommand, CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import { CreateClusterV2Command, KafkaClient } from '@aws-sdk/client-kafka';
import type { AssembledImage } from '../../cs-image/assemble.js';
import type { Emulator } from './emulator.js';

export interface PrerequisiteOptions {
  stage: string;
  region: string;
  /** The local broker standing in for the cluster's brokers. */
  brokers: string;
  image: AssembledImage;
  emulator: Emulator;
}

const client = <C>(Ctor: new (c: object) => C, endpoint: string, region: string): C =>
  new Ctor({ endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });

/** Creates the prerequisites and returns the settings (environment variables) of the stage. */
export async function createPrerequisites(o: PrerequisiteOptions): Promise<Record<string, string>> {
  const ec2 = client(EC2Client, o.emulator.endpoint, o.region);
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.42.0.0/16' }))).Vpc!.VpcId!;
  const subnets: string[] = [];
  for (const [i, az] of ['a', 'b'].entries()) {
    subnets.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.42.${i + 1}.0/24`, AvailabilityZone: `${o.region}${az}` }))).Subnet!.SubnetId!);
  }
  const routeTable = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable!.RouteTableId!;
  for (const s of subnets) await ec2.send(new AssociateRouteTableCommand({ RouteTableId: routeTable, SubnetId: s }));
  const group = async (name: string) => (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpc, GroupName: `sfc-${o.stage}-${name}`, Description: `sfc ${o.stage} ${name}` }))).GroupId!;
  const [functionsSg, mskSg] = [await group('functions'), await group('msk')];

  const kafka = client(KafkaClient, o.emulator.endpoint, o.region);
  const cluster = await kafka.send(new CreateClusterV2Command({
    ClusterName: `sfc-${o.stage}-msk`,
    Provisioned: {
      KafkaVersion: '3.9.x', NumberOfBrokerNodes: 2,
      BrokerNodeGroupInfo: { ClientSubnets: subnets, SecurityGroups: [mskSg], InstanceType: 'kafka.m7g.large' },
      ClientAuthentication: { Sasl: { Iam: { Enabled: true } } },
    },
  }));

  return {
    AWS_REGION: o.region,
    SFC_MSK_CLUSTER_ARN: cluster.ClusterArn!,
    SFC_KAFKA_BOOTSTRAP: o.brokers,
    SFC_SUBNET_IDS: subnets.join(','),
    SFC_SECURITY_GROUP_IDS: functionsSg,
    SFC_ALERT_EMAIL: 'fraud-alerts@example.com',
    SFC_CS_IMAGE_URI: await pushImage(o),
    SFC_VPC_ENDPOINTS: 'true',
    SFC_VPC_ID: vpc,
    SFC_ROUTE_TABLE_IDS: routeTable,
    SFC_MSK_SECURITY_GROUP_ID: mskSg,
    // one local broker: one replica
    SFC_TOPIC_PARTITIONS: '3',
    SFC_TOPIC_REPLICATION_FACTOR: '1',
    SFC_TOPIC_MIN_INSYNC_REPLICAS: '1',
  };
}

/**
 * "Pushes" the image: an image manifest in the emulator's ECR (its digest is what Lambda pins), whose
 * config digest fingerprints the assembled /var/task, and which the emulator runs from that folder.
 */
async function pushImage(o: PrerequisiteOptions): Promise<string> {
  const ecr = client(ECRClient, o.emulator.endpoint, o.region);
  const repositoryName = 'sfc-cs';
  const existing = await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [repositoryName] })).catch(() => undefined);
  const repo = existing?.repositories?.[0] ?? (await ecr.send(new CreateRepositoryCommand({ repositoryName }))).repository!;
  const fingerprint = createHash('sha256').update(readFileSync(join(o.image.taskRoot, 'handler.mjs'))).update(readFileSync(join(o.image.taskRoot, 'model/model.int8.onnx'))).digest('hex');
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: o.image.bytes, digest: `sha256:${fingerprint}` },
    layers: [],
  });
  const pushed = await ecr.send(new PutImageCommand({ repositoryName, imageManifest: manifest, imageTag: o.stage }));
  const uri = `${repo.repositoryUri}@${pushed.image!.imageId!.imageDigest}`;
  o.emulator.registerImage(uri, { taskRoot: o.image.taskRoot, handler: o.image.handler, env: o.image.env });
  return uri;
}
