import type { Admin } from 'kafkajs';
import type { CustomResourceEvent, CustomResourceResponse, Logger } from '@sfc/shared';
import { deleteTopics, provisionTopics, type TopicChange } from './provisionTopics.js';
import { TopicsPropertiesSchema } from './topicSpec.js';

export interface TopicsResourceDeps {
  /** A connected admin client for the stage's cluster. */
  admin: () => Promise<Admin>;
  /** Sends the answer to CloudFormation (sendCustomResourceResponse in AWS). */
  respond: (url: string, response: CustomResourceResponse) => Promise<void>;
  log: Logger;
}

const FAILED_ID = 'kafka-topics-failed:';
/** Time kept back from the Lambda timeout to answer CloudFormation even when the cluster does not. */
const ANSWER_MARGIN_MS = 15_000;

/**
 * The KafkaTopics custom resource: Create and Update make the cluster hold the declared topics; Delete
 * deletes them only when DeleteTopicsOnRemove is 'true' (without it, a remove never touches the cluster).
 * CloudFormation always gets an answer, also on failure or when time runs out, so a stack never hangs.
 */
export async function topicsResource(deps: TopicsResourceDeps, event: CustomResourceEvent, remainingMs: () => number): Promise<CustomResourceResponse> {
  const base = { StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId };
  let response: CustomResourceResponse;
  try {
    const { changes, physicalId } = await withDeadline(apply(deps, event), remainingMs() - ANSWER_MARGIN_MS);
    response = { ...base, Status: 'SUCCESS', PhysicalResourceId: physicalId, Data: { Topics: changes.map((c) => c.topic).join(','), Changes: summary(changes) } };
    deps.log.info('kafka topics', { request: event.RequestType, changes: summary(changes) });
  } catch (err) {
    const reason = (err as Error).message;
    response = { ...base, Status: 'FAILED', Reason: reason, PhysicalResourceId: event.PhysicalResourceId ?? `${FAILED_ID}${event.RequestId}` };
    deps.log.error('kafka topics failed', { request: event.RequestType, reason });
  }
  await deps.respond(event.ResponseURL, response);
  return response;
}

async function apply(deps: TopicsResourceDeps, event: CustomResourceEvent): Promise<{ changes: TopicChange[]; physicalId: string }> {
  if (event.RequestType === 'Delete' && event.PhysicalResourceId?.startsWith(FAILED_ID)) {
    return { changes: [], physicalId: event.PhysicalResourceId }; // the create never succeeded: nothing to undo
  }
  const parsed = TopicsPropertiesSchema.safeParse(event.ResourceProperties);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`KafkaTopics properties: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const names = parsed.data.Topics.map((t) => t.Name);
  const physicalId = `kafka-topics:${[...names].sort().join(',')}`;
  if (event.RequestType === 'Delete' && parsed.data.DeleteTopicsOnRemove !== 'true') {
    return { changes: names.map((topic) => ({ topic, action: 'kept', details: ['DeleteTopicsOnRemove is false'] })), physicalId: event.PhysicalResourceId ?? physicalId };
  }
  const admin = await deps.admin();
  try {
    const changes = event.RequestType === 'Delete' ? await deleteTopics(admin, names) : await provisionTopics(admin, parsed.data.Topics);
    return { changes, physicalId: event.RequestType === 'Delete' ? (event.PhysicalResourceId ?? physicalId) : physicalId };
  } finally {
    await admin.disconnect();
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the Kafka cluster within ${Math.round(ms / 1000)} s: check that the function's subnets and security groups reach the brokers on 9098`)), Math.max(ms, 1000));
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const summary = (changes: TopicChange[]): string =>
  changes.map((c) => `${c.topic}: ${c.action}${c.details.length > 0 ? ` (${c.details.join('; ')})` : ''}`).join(' | ').slice(0, 1500);
