import type { Outcome } from '@sfc/shared';
import type { ListCache } from '../lists/ListCache.js';
import { compileRule, type CompileEnv } from './compile.js';
import type { DetectorFile, RuleExecutionMode } from './detectorFile.js';
import { RuleSyntaxError } from './errors.js';
import { parseRule } from './parser.js';
import type { Node } from './ast.js';
import { ruleVariables, type RuleContext } from './variables.js';
import { ConfigError } from '@sfc/shared';

/** One matched rule, as AFD's GetEventPrediction reports it in ruleResults. */
export interface RuleResult {
  ruleId: string;
  ruleVersion: string;
  outcomes: string[];
}

/** The detector's verdict: our outcome, the rules that matched and their named outcomes. */
export interface RuleDecision {
  outcome: Outcome;
  ruleResults: readonly RuleResult[];
  outcomes: readonly string[];
  /** The same, as the decision's `rules` / `outcomes` / `detector_version` fields (built once per rule, not per event). */
  fd: { rules: LakeRuleResult[]; outcomes: string[]; detector_version?: string };
}

export interface LakeRuleResult { rule_id: string; rule_version: string; outcomes: string[] }
const lake = (r: RuleResult): LakeRuleResult => ({ rule_id: r.ruleId, rule_version: r.ruleVersion, outcomes: r.outcomes });

/** What scoring needs of a detector: a per-batch refresh and a decision per event (Detector, VersionedDetector). */
export interface RuleDecider {
  refresh(): Promise<void>;
  decide(ctx: RuleContext): RuleDecision;
}

const SEVERITY: Record<Outcome, number> = { approve: 0, review: 1, block: 2 };
const NO_MATCH: RuleDecision = Object.freeze({ outcome: 'approve', ruleResults: Object.freeze([]), outcomes: Object.freeze([]), fd: Object.freeze({ rules: [], outcomes: [] }) });

interface CompiledRule { test: (c: RuleContext) => boolean; result: RuleResult; outcome: Outcome; decision: RuleDecision }

/** The named lists (`@name`) a parsed rule refers to. */
export function listsIn(node: Node): string[] {
  switch (node.kind) {
    case 'in': return [...(node.set.kind === 'named' ? [node.set.name] : []), ...listsIn(node.value)];
    case 'binary': return [...listsIn(node.left), ...listsIn(node.right)];
    case 'unary': return listsIn(node.operand);
    case 'call': return node.args.flatMap(listsIn);
    default: return [];
  }
}

/**
 * A detector's rules compiled for the hot path. FIRST_MATCHED: rules run in order and the first that
 * matches decides. ALL_MATCHED: every rule runs and the most severe outcome wins (block > review >
 * approve). No rule matching means approve, with no rule results (AFD returns no outcome then).
 */
export class Detector {
  private constructor(readonly definition: DetectorFile, private readonly rules: CompiledRule[], readonly lists: ListCache | undefined, readonly version: string | undefined, private readonly noMatch: RuleDecision) {}

  get mode(): RuleExecutionMode { return this.definition.ruleExecutionMode; }

  /** Parses and compiles every rule; errors name the rule and the column. `openLists` loads the lists the rules name. */
  /** `version`: the detector version (`<detector>:<version>`) every decision names as `fd.detector_version`. */
  static async load(def: DetectorFile, openLists: (names: string[]) => Promise<ListCache>, source = 'the detector', version?: string): Promise<Detector> {
    const tag = version ? { detector_version: version } : {};
    const where = (ruleId: string) => `${source}, rule ${ruleId}`;
    const parsed = def.rules.map((r) => {
      try { return parseRule(r.expression); } catch (err) { throw new ConfigError(where(r.ruleId), (err as Error).message); }
    });
    const names = [...new Set(parsed.flatMap(listsIn))];
    const lists = names.length > 0 ? await openLists(names) : undefined;
    const vars = ruleVariables(def.modelId, def.variables);
    const env: CompileEnv<RuleContext> = {
      variable: (n) => vars.get(n), variableNames: () => [...vars.keys()],
      list: (n) => lists?.handle(n), listNames: () => lists?.names() ?? [],
    };
    const rules = def.rules.map((r, i): CompiledRule => {
      let test: (c: RuleContext) => boolean;
      try { test = compileRule(parsed[i]!, r.expression, env); } catch (err) {
        if (err instanceof RuleSyntaxError) throw new ConfigError(where(r.ruleId), err.message);
        throw err;
      }
      const mapped = r.outcomes.map((o) => {
        const m = def.outcomes[o] ?? (o === 'approve' || o === 'review' || o === 'block' ? o : undefined);
        if (!m) throw new ConfigError(where(r.ruleId), `outcome ${o} is not mapped to approve, review or block (add "outcomes": { "${o}": "review" } to the detector)`);
        return m;
      });
      const outcome = mapped.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
      const result: RuleResult = Object.freeze({ ruleId: r.ruleId, ruleVersion: r.ruleVersion, outcomes: Object.freeze([...r.outcomes]) as string[] });
      return { test, result, outcome, decision: Object.freeze({ outcome, ruleResults: Object.freeze([result]), outcomes: result.outcomes, fd: { rules: [lake(result)], outcomes: result.outcomes, ...tag } }) };
    });
    const noMatch = version ? Object.freeze({ ...NO_MATCH, fd: Object.freeze({ rules: [], outcomes: [], ...tag }) }) : NO_MATCH;
    return new Detector(def, rules, lists, version, noMatch);
  }

  /** Picks up list changes (see ListCache.refresh); call once per batch. */
  async refresh(): Promise<void> { await this.lists?.refresh(); }

  decide(ctx: RuleContext): RuleDecision {
    const rules = this.rules;
    if (this.definition.ruleExecutionMode === 'FIRST_MATCHED') {
      for (let i = 0; i < rules.length; i++) if (rules[i]!.test(ctx)) return rules[i]!.decision;
      return this.noMatch;
    }
    let matched: CompiledRule[] | undefined;
    for (let i = 0; i < rules.length; i++) if (rules[i]!.test(ctx)) (matched ??= []).push(rules[i]!);
    if (!matched) return this.noMatch;
    if (matched.length === 1) return matched[0]!.decision;
    let outcome: Outcome = 'approve';
    for (const m of matched) if (SEVERITY[m.outcome] > SEVERITY[outcome]) outcome = m.outcome;
    const outcomes = [...new Set(matched.flatMap((m) => m.result.outcomes))];
    return { outcome, ruleResults: matched.map((m) => m.result), outcomes, fd: { rules: matched.map((m) => lake(m.result)), outcomes, ...(this.version ? { detector_version: this.version } : {}) } };
  }
}
