import { globMatcher } from '../config/glob.js';
import type { Mutelist, MuteRule } from '../config/mutelist.js';
import type { Finding } from './types.js';

export interface MuteRuleReport {
  /** 1-based position in the file's `rules` list. */
  rule: number;
  checks: string[];
  reason: string;
  owner: string | null;
  expires: string | null;
  expired: boolean;
  matched: number;
}

export interface MutelistReport {
  file: string;
  rules: MuteRuleReport[];
  /** Rules that muted nothing: stale entries worth deleting. */
  unused: number[];
  /** Expired rules: they mute nothing any more, and say so. */
  expired: number[];
}

/** An expiry date without a time means "through that day" (UTC). */
function expiresAt(expires: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T23:59:59.999Z`) : Date.parse(expires);
}

/**
 * Marks findings muted by the first live rule that matches them. Muted findings stay in every
 * output (STYLE.md §9); `aliases` lets a rule written for an old check id keep working.
 */
export function applyMutelist(findings: Finding[], mutelist: Mutelist, now: Date, aliases: ReadonlyMap<string, string[]>): MutelistReport {
  const compiled = mutelist.rules.map((rule: MuteRule, i) => ({
    rule,
    index: i + 1,
    expired: rule.expires !== undefined && expiresAt(rule.expires) < now.getTime(),
    checks: rule.checks.map(globMatcher),
    accounts: rule.accounts?.map(globMatcher),
    resources: rule.resources?.map(globMatcher),
    matched: 0,
  }));
  for (const finding of findings) {
    const ids = [finding.checkId, ...(aliases.get(finding.checkId) ?? [])];
    const hit = compiled.find(
      (c) =>
        !c.expired &&
        c.checks.some((matches) => ids.some((id) => matches(id))) &&
        (c.accounts?.some((matches) => matches(finding.accountId)) ?? true) &&
        (c.resources?.some((matches) => matches(finding.resource.arn)) ?? true),
    );
    if (hit) {
      hit.matched++;
      finding.muted = true;
      finding.muteReason = hit.rule.reason;
    }
  }
  const rules = compiled.map((c) => ({
    rule: c.index,
    checks: c.rule.checks,
    reason: c.rule.reason,
    owner: c.rule.owner ?? null,
    expires: c.rule.expires ?? null,
    expired: c.expired,
    matched: c.matched,
  }));
  return {
    file: mutelist.file,
    rules,
    unused: rules.filter((r) => !r.expired && r.matched === 0).map((r) => r.rule),
    expired: rules.filter((r) => r.expired).map((r) => r.rule),
  };
}
