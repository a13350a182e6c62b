import type { Recognizer, RecognizerResult } from './Recognizer.js';
import { DEFAULT_WINDOW, findContext, type ContextWindow } from './context.js';

/** A regular expression with the score a bare match earns (before validation and context). */
export interface Pattern {
  name: string;
  regex: RegExp;
  score: number;
}

export interface PatternRecognizerSpec {
  name: string;
  entityType: string;
  patterns: Pattern[];
  context?: readonly string[];
  contextWindow?: ContextWindow;
  /** Added to the score when a context word is near; capped at 1. */
  contextBoost?: number;
  /** Weak patterns (any 9 digits) only count next to a context word. */
  requireContext?: boolean;
  /** Checksum or rule check: true keeps the match (scored `validatedScore`), false drops it. */
  validate?: (match: string) => boolean;
  validatedScore?: number;
  /** Rules a match out by its surroundings (a date after `born before` is a cut-off, not a birth date). */
  reject?: (text: string, start: number, end: number) => boolean;
}

/**
 * The one loop every pattern recognizer shares (Presidio's PatternRecognizer): match, validate,
 * look for context, score, explain. Each recognizer file only declares its spec.
 */
export class PatternRecognizer implements Recognizer {
  readonly name: string;
  readonly entityTypes: readonly string[];

  constructor(private readonly spec: PatternRecognizerSpec) {
    this.name = spec.name;
    this.entityTypes = [spec.entityType];
  }

  analyze(text: string): RecognizerResult[] {
    const best = new Map<string, RecognizerResult>();
    for (const pattern of this.spec.patterns) {
      const regex = new RegExp(pattern.regex.source, pattern.regex.flags.includes('g') ? pattern.regex.flags : `${pattern.regex.flags}g`);
      for (const m of text.matchAll(regex)) {
        const result = this.score(text, m.index, m.index + m[0].length, m[0], pattern);
        const key = `${result?.start}:${result?.end}`;
        if (result && (best.get(key)?.score ?? -1) < result.score) best.set(key, result);
      }
    }
    return [...best.values()].sort((a, b) => a.start - b.start);
  }

  private score(text: string, start: number, end: number, match: string, pattern: Pattern): RecognizerResult | null {
    const { spec } = this;
    let score = pattern.score;
    let validation: 'passed' | 'none' = 'none';
    if (spec.reject?.(text, start, end)) return null;
    if (spec.validate) {
      if (!spec.validate(match)) return null;
      validation = 'passed';
      score = Math.max(score, spec.validatedScore ?? score);
    }
    const contextWords = spec.context ? findContext(text, start, end, spec.context, spec.contextWindow ?? DEFAULT_WINDOW) : [];
    if (spec.requireContext && contextWords.length === 0) return null;
    if (contextWords.length > 0) score = Math.min(1, score + (spec.contextBoost ?? 0.35));
    const why = [`pattern ${pattern.name}`, validation === 'passed' ? 'validated' : '', contextWords.length ? `context: ${contextWords.join(', ')}` : '']
      .filter(Boolean).join('; ');
    return {
      type: spec.entityType, start, end, score: round(score), recognizer: spec.name,
      explanation: { recognizer: spec.name, pattern: pattern.name, validation, contextWords, originalScore: pattern.score, textual: why },
    };
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
