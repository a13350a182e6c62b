import { ComplianceFindingSchema, LakeLabelSchema, LakeTransactionSchema } from '@sfc/shared';
import { columnsOf, jsonSchemaOf, type Column } from './columns.js';

/** A lake dataset: where its objects live, how they are partitioned, and its columns (from the shared schema). */
export interface LakeTable {
  /** Table name in Glue and view name in DuckDB. */
  name: string;
  /** Key prefix in the lake bucket, ending in `/`. */
  prefix: string;
  /** Hive-style partition keys in key order (`dt=.../hour=...`). */
  partitions: string[];
  /** Column holding the record's ISO-8601 timestamp; KPIs window on it. */
  timeColumn: string;
  columns: Column[];
}

export const TRANSACTIONS: LakeTable = {
  name: 'transactions',
  prefix: 'processed/',
  partitions: ['dt', 'hour'],
  timeColumn: 'event_time',
  // What act writes: personal values as tokens and masked forms (raw columns only with LAKE_PII=raw).
  columns: columnsOf(jsonSchemaOf(LakeTransactionSchema)),
};

export const FINDINGS: LakeTable = {
  name: 'compliance_findings',
  prefix: 'compliance/',
  partitions: ['dt'],
  timeColumn: 'scanned_at',
  columns: columnsOf(jsonSchemaOf(ComplianceFindingSchema)),
};

/** Fraud labels as the label function received them (analysts' decisions, imports, feeds); join on event_id, latest label_time wins. */
export const LABELS: LakeTable = {
  name: 'labels',
  prefix: 'labels/',
  partitions: ['dt'],
  timeColumn: 'label_time',
  columns: columnsOf(jsonSchemaOf(LakeLabelSchema)),
};

export const LAKE_TABLES = [TRANSACTIONS, FINDINGS, LABELS] as const;
