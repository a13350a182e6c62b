import { createSocket } from 'node:dgram';

// As inside Lambda with active tracing: the X-Ray SDK reads these when it loads.
const daemon = createSocket('udp4');
await new Promise<void>((ok) => daemon.bind(0, '127.0.0.1', ok));
const received: string[] = [];
daemon.on('message', (m) => received.push(m.toString('utf8')));
Object.assign(process.env, {
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', LAMBDA_TASK_ROOT: '/var/task', AWS_LAMBDA_FUNCTION_NAME: 'sfc-txn-dev-act',
  _X_AMZN_TRACE_ID: 'Root=1-6750a1b2-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1',
  AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemon.address().port}`, AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
});
const { createLogger } = await import('../../src/logger/logger.js');
const { createMetrics } = await import('../../src/observability/metrics.js');
const { instrument } = await import('../../src/observability/instrument.js');
const { tracerFor } = await import('../../src/observability/tracer.js');
const { MetricUnit } = await import('@aws-lambda-powertools/metrics');

afterAll(() => daemon.close());

const context = { functionName: 'sfc-txn-dev-act', awsRequestId: 'req-42', getRemainingTimeInMillis: () => 30_000, memoryLimitInMB: '1024', invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:sfc-txn-dev-act' };

describe('Function: instrument', () => {
  it('traces the invocation in X-Ray, logs with the Lambda context and flushes metrics, also on failure', async () => {
    // Prepare
    const logs: string[] = [];
    const emf: string[] = [];
    const logger = createLogger('txn.act', { sink: (l) => logs.push(l) });
    const handler = instrument(async (event: { fail: boolean }) => {
      logger.info('handling', { email: 'jane.doe@example.com' });
      if (event.fail) throw new Error('SNS down');
      return { n: 3 };
    }, {
      name: 'act', metrics: createMetrics('txn', { sink: (l) => emf.push(l) }), tracer: tracerFor('txn'), logger,
      record: (r, m) => m.addMetric('Handled', MetricUnit.Count, r.n), recordFailure: (_e, m) => m.addMetric('Failed', MetricUnit.Count, 1),
    });
    // Act
    await handler({ fail: false }, context);
    await expect(handler({ fail: true }, context)).rejects.toThrow('SNS down');
    // the daemon gets the segments over UDP after the handler returns: wait for them, not for a fixed time
    const segmentsOf = () => received.map((m) => JSON.parse(m.slice(m.indexOf('\n') + 1)) as Record<string, unknown>).filter((s) => s.name === '## act');
    for (const deadline = Date.now() + 10_000; segmentsOf().length < 2 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
    // Assess: logs carry the request id, masked
    expect(logs.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ message: 'handling', function_request_id: 'req-42', function_name: 'sfc-txn-dev-act', email: 'j***@example.com', xray_trace_id: '1-6750a1b2-0123456789abcdef01234567' }),
      expect.objectContaining({ message: 'handling', function_request_id: 'req-42', cold_start: false }),
    ]);
    // metrics: one EMF document per invocation
    expect(emf.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ Handled: 3, service: 'txn' }), expect.objectContaining({ Failed: 1 })]);
    // traces: a "## act" subsegment per invocation under the Lambda trace, cold start annotated, the error recorded
    const segments = segmentsOf().sort((a, b) => Number(a.start_time) - Number(b.start_time));
    expect(segments).toHaveLength(2);
    expect(segments[0]).toMatchObject({ trace_id: '1-6750a1b2-0123456789abcdef01234567', annotations: { ColdStart: expect.any(Boolean), Service: 'txn' } });
    expect(segments[1]).toMatchObject({ annotations: { ColdStart: false }, fault: true });
    expect(JSON.stringify(segments[1])).toContain('SNS down');
  });
});
