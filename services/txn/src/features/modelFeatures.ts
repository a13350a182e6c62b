import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWith } from '@sfc/shared';
import { ModelError } from '../errors.js';
import { EventTypeSchema, type EventType } from '../eventType/schema.js';
import { TRANSACTION_EVENT_TYPE, transactionBinding } from '../eventType/transaction.js';
import type { MappedField } from '../afd/variables.js';
import { FeatureEngine } from './FeatureEngine.js';
import { FEATURE_CODE_VERSION, FeatureSpecSchema, type FeatureSpec } from './spec.js';
import { fingerprint } from './windows.js';

/** A model directory's features: its event type, the engine that computes them, and how a live transaction feeds them. */
export interface ModelFeatures {
  eventType: EventType;
  spec: FeatureSpec;
  engine: FeatureEngine;
  /** The Transaction field feeding each variable of the event type (undefined: always missing live). */
  fields: (MappedField | undefined)[];
  unbound: string[];
  /** Fingerprint of the feature names: replay records are phrased only by the features they were taken with. */
  signature: number;
}

function readJson(dir: string, name: string): unknown {
  const file = join(dir, name);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ModelError(`cannot read ${file} (set FRAUD_MODEL_DIR, or train one with npm run train:fraud)`, err);
  }
}

/** Loads and checks `features.json` and `event_type.json` of a model directory. */
export function loadModelFeatures(dir: string): ModelFeatures {
  const specFile = join(dir, 'features.json');
  const parsed = parseWith('features.json', FeatureSpecSchema, readJson(dir, 'features.json'));
  if (!parsed.ok) throw new ModelError(`${specFile}: ${parsed.error.message}`);
  const spec = parsed.value;
  if (spec.version !== FEATURE_CODE_VERSION) {
    throw new ModelError(`${specFile} was trained on features ${spec.version}; this build computes ${FEATURE_CODE_VERSION}: retrain the model`);
  }
  let eventType = TRANSACTION_EVENT_TYPE;
  if (existsSync(join(dir, 'event_type.json'))) {
    const et = parseWith('event_type.json', EventTypeSchema, readJson(dir, 'event_type.json'));
    if (!et.ok) throw new ModelError(`${join(dir, 'event_type.json')}: ${et.error.message}`);
    eventType = et.value;
  }
  const engine = new FeatureEngine(eventType, spec);
  if (engine.names.join(',') !== spec.names.join(',')) {
    throw new ModelError(`${specFile} lists features this build does not compute from event type ${eventType.name} (first difference: ${firstDifference(spec.names, engine.names)}): retrain the model`);
  }
  const { fields, unbound } = transactionBinding(eventType);
  return { eventType, spec, engine, fields, unbound, signature: fingerprint(spec.names.join(',')) };
}

function firstDifference(a: string[], b: string[]): string {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i < 0 ? `${a.length} vs ${b.length} features` : `${a[i]} vs ${b[i] ?? '(none)'}`;
}
