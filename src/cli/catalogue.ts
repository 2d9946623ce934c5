import { CHECKS, CHECKS_BY_ID } from '../checks/registry.js';
import type { Check } from '../engine/check.js';
import { complianceIndex } from '../frameworks/index.js';
import { interpolate } from '../engine/text.js';
import type { Lang } from '../engine/types.js';
import { InputError } from '../errors.js';
import { SEVERITY_LABELS } from '../report/labels.js';
import { msg } from '../i18n/index.js';

export const EXPLAIN_TEXT = {
  en: { severity: 'Severity', risk: 'What it means', fix: 'How to fix it', cli: 'AWS CLI', compliance: 'Compliance', rootOnly: 'Only the root user can fix this.', aliases: 'Former ids' },
  nl: { severity: 'Ernst', risk: 'Wat het betekent', fix: 'Zo los je het op', cli: 'AWS CLI', compliance: 'Compliance', rootOnly: 'Alleen de root-gebruiker kan dit oplossen.', aliases: 'Eerdere ids' },
} satisfies Record<Lang, Record<string, string>>;

// Outside a scan no account is known: placeholders read as what to put there.
const GENERIC = {
  en: { accountId: '<account-id>', partition: 'aws', region: '<region>', resourceName: '<name>', resourceArn: '<arn>', consoleUrl: 'https://console.aws.amazon.com' },
  nl: { accountId: '<account-id>', partition: 'aws', region: '<regio>', resourceName: '<naam>', resourceArn: '<arn>', consoleUrl: 'https://console.aws.amazon.com' },
} satisfies Record<Lang, Record<string, string>>;

function describe(check: Check, lang: Lang) {
  const t = check.text[lang];
  const fill = (s: string) => interpolate(s, GENERIC[lang]);
  return {
    id: check.id,
    aliases: check.aliases ?? [],
    severity: check.severity,
    resourceType: check.resourceType,
    rootOnly: check.rootOnly ?? false,
    title: t.title,
    risk: t.risk,
    fixSummary: fill(t.fixSummary),
    fixSteps: t.fixSteps.map(fill),
    cli: check.text.cli ? fill(check.text.cli) : null,
    compliance: complianceIndex().get(check.id) ?? {},
  };
}

export function checksJson(lang: Lang): string {
  return `${JSON.stringify(CHECKS.map((c) => describe(c, lang)), null, 2)}\n`;
}

export function checksText(lang: Lang): string {
  const width = Math.max(...CHECKS.map((c) => c.id.length));
  return `${CHECKS.map((c) => `${c.id.padEnd(width)}  ${SEVERITY_LABELS[lang][c.severity].padEnd(8)}  ${c.text[lang].title}`).join('\n')}\n`;
}

export function explain(id: string, lang: Lang): string {
  const check = CHECKS_BY_ID.get(id) ?? CHECKS.find((c) => c.aliases?.includes(id));
  if (!check) throw new InputError(msg('unknownCheck', { flag: 'explain', id }));
  const d = describe(check, lang);
  const t = EXPLAIN_TEXT[lang];
  const lines = [`${d.id}: ${d.title}`, `${t.severity}: ${SEVERITY_LABELS[lang][d.severity]}`, '', `${t.risk}:`, `  ${d.risk}`, '', `${t.fix}:`];
  if (d.rootOnly) lines.push(`  ${t.rootOnly}`);
  d.fixSteps.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
  if (d.cli) lines.push('', `${t.cli}:`, `  ${d.cli}`);
  const compliance = Object.entries(d.compliance);
  if (compliance.length) lines.push('', `${t.compliance}:`, ...compliance.map(([fw, ids]) => `  ${fw}: ${ids.join(', ')}`));
  if (d.aliases.length) lines.push('', `${t.aliases}: ${d.aliases.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
