import type { RenderedFinding, ScanResult } from '../engine/result.js';
import { STATUSES, type Status } from '../engine/types.js';
import type { Framework } from '../frameworks/framework.js';
import { FRAMEWORKS } from '../frameworks/index.js';

export type RequirementVerdict = 'PASS' | 'FAIL' | 'ERROR' | 'MANUAL' | 'NOT_APPLICABLE' | 'NOT_RUN';

export interface RequirementView {
  id: string;
  title: string;
  assessment: 'automated' | 'manual';
  checks: string[];
  verdict: RequirementVerdict;
  counts: Record<Status, number>;
  muted: number;
}

export interface ComplianceView {
  framework: { id: string; name: string; version: string };
  requirements: RequirementView[];
  totals: Record<RequirementVerdict, number>;
}

/**
 * What a requirement's counts need of a finding: its language-neutral fields. A rendered finding
 * has them, and so has the record's own (the HTML report counts from the record, so that it never
 * holds every rendered finding at once).
 */
export type CountedFinding = Pick<RenderedFinding, 'checkId' | 'status' | 'severity' | 'muted' | 'accountId' | 'messageId'>;

export function frameworkById(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id);
}

/**
 * Per requirement of a framework: the checks behind it and one verdict. An unmuted FAIL fails the
 * requirement; else an ERROR, or an account in scope that was not assessed, leaves it undecided; a CIS "manual" item, or a MANUAL finding, needs a
 * person even when our checks pass; only checks that all pass (or do not apply) pass it.
 * `findings`: the result's findings (default), or the same findings' neutral fields taken elsewhere.
 */
export function complianceView(result: ScanResult, framework: Framework, findings: Iterable<CountedFinding> = result.findings): ComplianceView {
  const byCheck = new Map<string, CountedFinding[]>();
  for (const f of findings) {
    const list = byCheck.get(f.checkId) ?? [];
    list.push(f);
    byCheck.set(f.checkId, list);
  }
  const unassessed = result.notAssessed.length > 0;
  const totals = { PASS: 0, FAIL: 0, ERROR: 0, MANUAL: 0, NOT_APPLICABLE: 0, NOT_RUN: 0 } satisfies Record<RequirementVerdict, number>;
  const requirements = framework.requirements.map((r): RequirementView => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    let muted = 0;
    let ran = false;
    for (const checkId of r.checks) {
      const findings = byCheck.get(checkId);
      if (!findings) continue;
      ran = true;
      const stricter = r.counts?.filter((c) => c.check === checkId) ?? [];
      for (const f of findings) {
        if (f.muted) muted++;
        else counts[stricter.find((c) => c.messageIds.includes(f.messageId))?.as ?? f.status]++;
      }
    }
    const assessment = r.assessment ?? 'automated';
    const judged: RequirementVerdict = !ran
      ? 'NOT_RUN'
      : counts.FAIL > 0
        ? 'FAIL'
        : counts.ERROR > 0
          ? 'ERROR'
          : assessment === 'manual' || counts.MANUAL > 0
            ? 'MANUAL'
            : counts.PASS > 0
              ? 'PASS'
              : 'NOT_APPLICABLE';
    // An account in scope that could not be assessed leaves a requirement undecided: what passes in
    // the accounts that were read says nothing of the others (never a false PASS).
    const verdict: RequirementVerdict = unassessed && (judged === 'PASS' || judged === 'NOT_APPLICABLE') ? 'ERROR' : judged;
    totals[verdict]++;
    return { id: r.id, title: r.title, assessment, checks: r.checks, verdict, counts, muted };
  });
  return { framework: { id: framework.id, name: framework.name, version: framework.version }, requirements, totals };
}
