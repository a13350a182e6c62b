import { z } from 'zod';
import { commonConfig, loadConfig, pseudonymConfig, type ConfigOf, type ConfigSpec } from '@sfc/shared';

const int = (min: number) => z.coerce.number().int().min(min);
const optionalScore = z.union([z.literal(''), z.coerce.number().int().min(0).max(1000)]);

/** Every variable the txn service reads, with its default and meaning (the README table is generated from this). */
export const txnConfigSpec = {
  ...commonConfig,
  TOPICS: { schema: z.enum(['memory', 'kafka']), default: 'memory', doc: 'Topic adapter: `memory` (in-process log) or `kafka`.' },
  KAFKA_BROKERS: { schema: z.string(), default: '', doc: 'Comma-separated bootstrap servers (required when TOPICS=kafka).' },
  KAFKA_AUTH: { schema: z.enum(['none', 'iam']), default: 'none', doc: '`iam` for MSK IAM authentication (SASL/OAUTHBEARER over TLS).' },
  KAFKA_COMPRESSION: { schema: z.enum(['none', 'gzip']), default: 'none', doc: 'Compression of what the service produces to Kafka: `none` (measured about a third faster end to end on 2 cores) or `gzip` (about 5x smaller records on the wire and disk).' },
  TRANSACTIONS_TOPIC: { schema: z.string().min(1), default: 'transactions', doc: 'Topic the producer writes and `score` reads.' },
  PROCESSED_TOPIC: { schema: z.string().min(1), default: 'processed_transactions', doc: 'Topic `score` writes and `act` reads.' },
  DLQ_TOPIC: { schema: z.string().min(1), default: 'transactions_dlq', doc: 'Dead-letter topic for records that fail to decode or validate.' },
  LABELS_TOPIC: { schema: z.string().min(1), default: 'fraud_labels', doc: 'Topic of fraud labels coming back (`FraudLabel` records) that the `label` function folds into the entity state.' },
  TOPIC_PARTITIONS: { schema: int(1), default: '3', doc: 'Partitions of topics the service creates.' },
  PRODUCE_COUNT: { schema: int(1), default: '100', doc: 'Transactions per scheduled `produce` run.' },
  PRODUCE_INTERVAL_MINUTES: { schema: int(1), default: '1', doc: 'Schedule interval of `produce`; its events fall in the last interval.' },
  SIM_SEED: { schema: int(0), default: '42', doc: 'Seed of the transaction simulator (same seed, same customers).' },
  SIM_CUSTOMERS: { schema: z.union([z.literal(''), int(1)]), default: '', doc: 'Simulated customers; empty = sized so each shops about 1.7 times a day at PRODUCE_COUNT per interval.' },
  SIM_FRAUD_RATE: { schema: z.coerce.number().min(0).max(0.5), default: '0.015', doc: 'Share of simulated transactions that are fraud.' },
  FRAUD_SCORER: { schema: z.enum(['onnx', 'afd']), default: 'onnx', doc: 'Scorer: `onnx` (the shipped model) or `afd` (Amazon Fraud Detector, existing customers).' },
  FRAUD_MODEL_DIR: { schema: z.string(), default: '', doc: 'Model directory; empty = `model/` beside the service (services/txn/model).' },
  MODELS_DIR: { schema: z.string(), default: '', doc: 'Other models a detector version may name (`model.modelVersion`), one folder each named by its version (`lgbm-...`), holding what FRAUD_MODEL_DIR holds; empty = `models/` beside the model directory. In AWS a folder packaged with the function.' },
  BLOCK_THRESHOLD: { schema: optionalScore, default: '', doc: 'Score (0-1000) at or above which a transaction is blocked; empty = the model report\'s 0.5% FPR threshold.' },
  REVIEW_THRESHOLD: { schema: optionalScore, default: '', doc: 'Score at or above which a transaction goes to review; empty = the report\'s 3% FPR threshold.' },
  DETECTOR_FILE: { schema: z.string(), default: '', doc: 'Detector file (JSON: rules in AFD\'s rule language, execution mode, outcome mapping); empty = BLOCK_THRESHOLD / REVIEW_THRESHOLD as two rules. See "Rules and lists".' },
  DETECTOR_ID: { schema: z.string().regex(/^([0-9a-z_-]{1,64})?$/), default: '', doc: 'The detector whose ACTIVE version decides (`npm run detectors`, versions beside the lists: DATA_DIR/detectors or LISTS_TABLE); empty = the one detector with an ACTIVE version, if any. Without an ACTIVE version DETECTOR_FILE / the thresholds decide.' },
  LISTS_STORE: { schema: z.enum(['file', 'dynamodb']), default: 'file', doc: 'Where allow/deny lists live: `file` (one JSON file per list under DATA_DIR/lists) or `dynamodb` (LISTS_TABLE).' },
  LISTS_TABLE: { schema: z.string(), default: '', doc: 'DynamoDB table of lists (LISTS_STORE=dynamodb; keys `list` and `element`).' },
  LISTS_REFRESH_SECONDS: { schema: int(0), default: '30', doc: 'LISTS_STORE=dynamodb: how often scoring checks the lists\' versions (a change is used within this time plus one batch); the file store is checked before every batch.' },
  MAX_RECORD_BYTES: { schema: int(256), default: '65536', doc: 'Larger records go to the DLQ unread.' },
  EVENT_TIME_MAX_AHEAD_MINUTES: { schema: int(0), default: '15', doc: '`score` dead-letters a transaction whose event_time is more than this ahead of its Kafka record\'s timestamp (clock skew of the source); 0 = no bound.' },
  EVENT_TIME_MAX_AGE_DAYS: { schema: int(0), default: '30', doc: '`score` dead-letters a transaction whose event_time is more than this behind its Kafka record\'s timestamp (the topics\' retention and ENTITY_TTL_DAYS); raise it, or 0 = no bound, to backfill older events through `produce`. `npm start` raises it to cover its simulated days.' },
  LAKE_BUCKET: { schema: z.string().min(1), default: 'lake', doc: 'Bucket of the data lake.' },
  LAKE_PREFIX: { schema: z.string().min(1), default: 'processed', doc: 'Prefix of scored transactions in the lake.' },
  LAKE_LABELS_PREFIX: { schema: z.string().min(1), default: 'labels', doc: 'Prefix of the fraud labels in the lake (the label function writes every label it receives there).' },
  ...pseudonymConfig,
  ENTITY_STATE: { schema: z.enum(['memory', 'dynamodb']), default: 'memory', doc: 'Where feature state lives (per customer, per aggregation key such as the merchant, and the replay window).' },
  ENTITY_TABLE: { schema: z.string(), default: '', doc: 'DynamoDB table for entity state (ENTITY_STATE=dynamodb).' },
  ENTITY_MAX: { schema: int(1), default: '1000000', doc: 'Most entities of each kind (customers, merchants, remembered events, ...) the in-memory state keeps (least recently written evicted).' },
  ENTITY_TTL_DAYS: { schema: int(1), default: '30', doc: 'Entity state expires after this many days without events.' },
  ENTITY_REPLAY_HOURS: { schema: int(1), default: '24', doc: 'How long each scored event\'s decision (and each applied label) is remembered: a batch retried within it gets the same decisions and changes no state.' },
  IDEMPOTENCY_STORE: { schema: z.enum(['fs', 'dynamodb', 'none']), default: 'fs', doc: 'Where `act` remembers the alerts it sent, so a retried batch alerts once (Powertools Idempotency): `fs` (files under DATA_DIR/idempotency), `dynamodb` (IDEMPOTENCY_TABLE) or `none` (alerts at least once).' },
  IDEMPOTENCY_TABLE: { schema: z.string(), default: '', doc: 'DynamoDB table of alert idempotency records (IDEMPOTENCY_STORE=dynamodb; partition key `id`, TTL attribute `expiration`).' },
  IDEMPOTENCY_TTL_HOURS: { schema: int(1), default: '168', doc: 'How long a sent alert is remembered; a batch retried or re-driven later than this alerts again.' },
  CASES_STORE: { schema: z.enum(['file', 'dynamodb', 'none']), default: 'file', doc: 'Where review cases and their decisions live: `file` (DATA_DIR/cases), `dynamodb` (CASES_TABLE) or `none` (act creates no cases). See "Review cases".' },
  CASES_TABLE: { schema: z.string(), default: '', doc: 'DynamoDB table of review cases (CASES_STORE=dynamodb; partition key `case_id`, index `by_entity`).' },
  CASES_FOR_BLOCK: { schema: z.enum(['true', 'false']).transform((v) => v === 'true'), default: 'false', doc: '`true`: every `block` becomes a case too, not only every `review`.' },
  CASES_HISTORY: { schema: z.coerce.number().int().min(0).max(20), default: '5', doc: 'Per case: the customer\'s transactions just before it in act\'s batch, and the ids of their earlier cases, at most this many each (0-20).' },
  CASE_MAX_AGE_HOURS: { schema: z.coerce.number().positive(), default: '24', doc: 'A review case still open after this many hours is over age: counted (metric `CasesOverAge`, alarmed) and flagged on the review page.' },
  REVIEW_ORIGIN: { schema: z.string(), default: '', doc: 'The review page\'s origin in AWS (`https://<CloudFront domain>`, set by the template from `ReviewDistribution`): the only origin CORS lets read the review API\'s answers (the `review` function).' },
  REVIEW_REFRESH_S: { schema: z.coerce.number().positive(), default: '15', doc: 'The `review` function reads the queue again (a Query of the cases table\'s `by_status` index) when its copy is older than this many seconds.' },
  FAILURES_BUCKET: { schema: z.string().min(1), default: 'failures', doc: 'On-failure destination of the local event-source runners (a folder under DATA_DIR; S3 in AWS): batches that failed MAX_BATCH_ATTEMPTS times, whole, for `npm run redrive`.' },
  MAX_BATCH_ATTEMPTS: { schema: int(1), default: '10', doc: 'Local runners: attempts at a failing batch before it goes to FAILURES_BUCKET and the runner moves on (in AWS: the event source mapping\'s retries).' },
  AFD_DETECTOR_ID: { schema: z.string(), default: '', doc: 'Amazon Fraud Detector detector id (FRAUD_SCORER=afd).' },
  AFD_DETECTOR_VERSION: { schema: z.string(), default: '', doc: 'Detector version; empty = the active version.' },
  AFD_EVENT_TYPE: { schema: z.string(), default: 'transaction', doc: 'AFD event type name.' },
  AFD_ENTITY_TYPE: { schema: z.string(), default: 'customer', doc: 'AFD entity type name.' },
  AFD_CONCURRENCY: { schema: int(1), default: '10', doc: 'Concurrent GetEventPrediction calls (AFD default quota: 200/s).' },
} satisfies ConfigSpec;

export type TxnConfig = ConfigOf<typeof txnConfigSpec>;

/** Reads and validates the txn configuration; the first bad variable fails fast, by name. */
export const loadTxnConfig = (env: NodeJS.ProcessEnv = process.env): TxnConfig => loadConfig(txnConfigSpec, env);
