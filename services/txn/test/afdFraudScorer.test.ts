import type { GetEventPredictionCommand, GetEventPredictionCommandOutput } from '@aws-sdk/client-frauddetector';
import { AfdFraudScorer, type PredictionClient } from '../src/scoring/AfdFraudScorer.js';
import { AfdError } from '../src/errors.js';
import { validTransaction } from '../../../shared/test/fixtures/transaction.js';

/** A GetEventPrediction response as Amazon Fraud Detector returns it (shape from the API reference). */
const recorded = (score: number, outcome: string): GetEventPredictionCommandOutput => ({
  $metadata: { httpStatusCode: 200 },
  modelScores: [{ modelVersion: { modelId: 'sfc_tfi', modelType: 'TRANSACTION_FRAUD_INSIGHTS', modelVersionNumber: '1.0' }, scores: { sfc_tfi_insightscore: score } }],
  ruleResults: [{ ruleId: 'high_risk', outcomes: score > 900 ? [outcome] : [] }, { ruleId: 'low_risk', outcomes: score > 900 ? [] : ['approve'] }],
});

class RecordingClient implements PredictionClient {
  readonly inputs: GetEventPredictionCommand['input'][] = [];
  constructor(private readonly reply: (input: GetEventPredictionCommand['input']) => GetEventPredictionCommandOutput | Error) {}
  async send(command: GetEventPredictionCommand) {
    this.inputs.push(command.input);
    const r = this.reply(command.input);
    if (r instanceof Error) throw r;
    return r;
  }
}

const options = { detectorId: 'sfc_detector', eventTypeName: 'transaction', entityType: 'customer', concurrency: 4 };

describe('Scoring: AfdFraudScorer (contract)', () => {
  it('sends the seed variable mapping and takes outcome and score from the detector', async () => {
    // Prepare
    const client = new RecordingClient((input) => recorded(input.eventId === 'evt-2' ? 962 : 40, 'block_order'));
    const scorer = new AfdFraudScorer({ client, ...options });
    // Act
    const batch = await scorer.scoreBatch([validTransaction({ event_id: 'evt-1' }), validTransaction({ event_id: 'evt-2' })]);
    // Assess
    expect(client.inputs[0]).toMatchObject({
      detectorId: 'sfc_detector', eventTypeName: 'transaction', eventId: 'evt-1', eventTimestamp: '2026-11-25T12:00:00.000Z',
      entities: [{ entityType: 'customer', entityId: 'cust-0001' }],
      eventVariables: expect.objectContaining({ order_price: '42.5', customer_email: 'jane.doe@example.com', payment_currency: 'usd', card_bin: '411111', billing_zip: '62701' }),
    });
    expect(batch.scores).toEqual([
      { score: 40, outcome: 'approve', reasons: ['detector rule low_risk -> approve'], ruleResults: [{ ruleId: 'low_risk', outcomes: ['approve'] }] },
      { score: 962, outcome: 'block', reasons: ['detector rule high_risk -> block_order'], ruleResults: [{ ruleId: 'high_risk', outcomes: ['block_order'] }] },
    ]);
    expect(batch.modelVersion).toBe('afd:sfc_tfi:1.0');
  });

  it('marks throttling as retriable so the batch is retried', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const scorer = new AfdFraudScorer({ client: new RecordingClient(() => throttled), ...options });
    const failure = await scorer.scoreBatch([validTransaction()]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AfdError);
    expect((failure as AfdError).retriable).toBe(true);
  });
});
