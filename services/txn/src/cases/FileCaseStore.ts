import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CaseDecisionSchema, CaseEscalationSchema, ReviewCaseSchema, type CaseDecision, type CaseEscalation, type ReviewCase } from '@sfc/shared';
import { createExclusive, fileName, idOf } from './caseFiles.js';
import { entityOrder, listingOf, type CaseListing, type CaseRecord, type CaseStore } from './CaseStore.js';

async function readIf(path: string): Promise<string | undefined> {
  try { return await readFile(path, 'utf8'); } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

const names = async (dir: string): Promise<string[]> => (await readdir(dir).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));

/**
 * Cases as files under one folder (DATA_DIR/cases): `case/<id>.json` and `decision/<id>.json`, each
 * created exclusively and never rewritten; `sent/<id>` once the decision's label is on the topic;
 * `entity/<entity>/<event time>~<id>` as the index of a customer's cases; and `decisions.jsonl`, an
 * append-only log of every decision recorded (one JSON line each); `escalation/<id>.jsonl`, a case's
 * escalations appended one line each.
 */
export class FileCaseStore implements CaseStore {
  constructor(readonly dir: string) {}

  private path(kind: 'case' | 'decision' | 'sent' | 'escalation', id: string): string {
    return join(this.dir, kind, kind === 'sent' ? fileName(id) : kind === 'escalation' ? `${fileName(id)}.jsonl` : `${fileName(id)}.json`);
  }

  private async ensure(...sub: string[]): Promise<void> {
    await mkdir(join(this.dir, ...sub), { recursive: true });
  }

  async create(c: ReviewCase): Promise<{ created: true } | { created: false; content?: string }> {
    await this.ensure('case');
    // A decision imported before the case existed also holds the id: the event is decided already.
    if (await readIf(this.path('decision', c.case_id)) !== undefined) return { created: false };
    if (!await createExclusive(this.path('case', c.case_id), `${JSON.stringify(c)}\n`)) return { created: false, content: (await this.get(c.case_id))?.case?.content };
    await this.ensure('entity', fileName(c.entity_id));
    await writeFile(join(this.dir, 'entity', fileName(c.entity_id), fileName(entityOrder(c))), '');
    return { created: true };
  }

  async get(caseId: string): Promise<CaseRecord | undefined> {
    const [c, d, s, e] = await Promise.all([
      readIf(this.path('case', caseId)), readIf(this.path('decision', caseId)), readIf(this.path('sent', caseId)), readIf(this.path('escalation', caseId)),
    ]);
    if (c === undefined && d === undefined) return undefined;
    // A line cut off by a crash mid-append is the last one: skipped, the others stand.
    const escalations = (e ?? '').split('\n').filter((l) => l.endsWith('}')).map((l) => CaseEscalationSchema.parse(JSON.parse(l)));
    return {
      ...(escalations.length > 0 ? { escalations } : {}),
      ...(c !== undefined ? { case: ReviewCaseSchema.parse(JSON.parse(c)) } : {}),
      ...(d !== undefined ? { decision: CaseDecisionSchema.parse(JSON.parse(d)) } : {}),
      ...(s !== undefined ? { labelSentAt: s.trim() } : {}),
    };
  }

  async casesOf(entityId: string, limit: number): Promise<string[]> {
    const marks = await names(join(this.dir, 'entity', fileName(entityId)));
    return marks.map(idOf).sort().reverse().slice(0, limit).map((m) => m.slice(m.indexOf('~') + 1));
  }

  async list(filter: { open?: boolean; limit: number }): Promise<CaseListing[]> {
    const decided = new Set((await names(join(this.dir, 'decision'))).map((n) => idOf(n.slice(0, -5))));
    const out: CaseListing[] = [];
    const wanted = (await names(join(this.dir, 'case'))).map((n) => idOf(n.slice(0, -5))).filter((id) => filter.open === undefined || filter.open !== decided.has(id));
    // Read a few at a time: 10,000 cases one by one take seconds.
    for (let i = 0; i < wanted.length; i += 64) {
      for (const r of await Promise.all(wanted.slice(i, i + 64).map((id) => this.get(id)))) if (r?.case) out.push(listingOf({ ...r, case: r.case }));
    }
    return out.sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, filter.limit);
  }

  async decide(d: CaseDecision): Promise<{ recorded: true } | { recorded: false; existing: CaseDecision }> {
    await this.ensure('decision');
    if (!await createExclusive(this.path('decision', d.case_id), `${JSON.stringify(d)}\n`)) {
      return { recorded: false, existing: (await this.get(d.case_id))!.decision! };
    }
    await appendFile(join(this.dir, 'decisions.jsonl'), `${JSON.stringify(d)}\n`);
    return { recorded: true };
  }

  async escalate(e: CaseEscalation): Promise<{ recorded: true } | { recorded: false; existing: CaseDecision }> {
    // A decision recorded between this check and the append leaves an escalation after it: harmless, the decision stands.
    const existing = (await this.get(e.case_id))?.decision;
    if (existing) return { recorded: false, existing };
    await this.ensure('escalation');
    await appendFile(this.path('escalation', e.case_id), `${JSON.stringify(e)}\n`);
    return { recorded: true };
  }

  async markLabelSent(caseId: string, at: string): Promise<void> {
    await this.ensure('sent');
    await writeFile(this.path('sent', caseId), `${at}\n`);
  }

  async decisions(): Promise<CaseDecision[]> {
    const out: CaseDecision[] = [];
    for (const n of await names(join(this.dir, 'decision'))) out.push(CaseDecisionSchema.parse(JSON.parse((await readIf(join(this.dir, 'decision', n)))!)));
    return out;
  }
}
