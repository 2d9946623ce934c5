import { createHash } from 'node:crypto';
import type { ScanResult } from '../engine/result.js';
import { interpolate } from '../engine/text.js';
import { SEVERITIES, STATUSES, type Lang, type Severity, type Status } from '../engine/types.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { complianceView, frameworkById, type ComplianceView, type RequirementVerdict } from './compliance.js';
import { severityChart } from './html/chart.js';
import { APP_JS, DECODE_JS } from './html/client.js';
import { encodeFindings } from './html/data.js';
import { escapeHtml, jsonForScript } from './html/escape.js';
import { STYLE } from './html/style.js';
import { SEVERITY_LABELS, STATUS_LABELS, VERDICT_LABELS } from './labels.js';
import type { ReportOptions } from './options.js';

export const HTML_TEXT = {
  en: {
    documentTitle: 'aws-lockdown: account {account} ({time})',
    heading: 'AWS account security report',
    subheading: 'aws-lockdown {version} · {source}',
    account: 'Account',
    partition: 'Partition',
    scanTime: 'Scan',
    source: 'Evidence source',
    sourceAws: 'live scan through the AWS API',
    sourceEvidence: 'saved evidence',
    sourceDemo: 'demo evidence (a sample account)',
    sourceWithCollector: '{source}, collected by {collector}',
    collectedAt: 'Evidence collected',
    credentialReport: 'Credential report',
    reportAge: 'generated {time}, {age} ago at scan time',
    reportAgeNote: 'Users, passwords and keys changed after that moment are not in this report: AWS hands out the same credential report for up to 4 hours.',
    reportMissing: 'not read; the checks that need it report ERROR',
    ageNow: 'less than a minute',
    ageMinutes: '{minutes} min',
    ageHours: '{hours} h {minutes} min',
    ageDays: '{days} days',
    evidenceParts: 'Evidence parts ({count})',
    part: 'Part',
    partSource: 'Source',
    observedAt: 'Observed',
    action: 'API action',
    partError: 'not read: {code}: {message}',
    srcCredentialReport: 'credential report',
    srcApi: 'AWS API',
    srcConfig: 'config file',
    srcNone: 'none (no evidence needed)',
    statusFilter: 'This report lists only findings with status {statuses}; the summary counts every finding.',
    summary: 'Summary',
    severity: 'Severity',
    status: 'Status',
    total: 'Total',
    chartTitle: 'Findings per severity, by status',
    mutedTotal: '{count} finding(s) muted by the mutelist; they stay listed, marked with their reason.',
    mutelist: 'Mutelist {file}',
    rule: 'Rule',
    ruleChecks: 'Checks',
    reason: 'Reason',
    owner: 'Owner',
    expires: 'Expires',
    matched: 'Muted',
    expired: 'expired',
    unusedRules: 'Rules that matched nothing: {rules}',
    expiredRules: 'Expired rules (no longer muting): {rules}',
    tabs: 'Report sections',
    tabFindings: 'Findings ({count})',
    tabCompliance: 'Compliance',
    findingsHeading: 'Findings',
    noscript: 'The findings explorer needs JavaScript. The summary and the compliance view work without it; the JSON format (--format json) holds every finding.',
    check: 'Check',
    allChecks: 'All checks',
    resource: 'Resource',
    resourcePlaceholder: 'name or ARN contains…',
    search: 'Search',
    searchPlaceholder: 'words in any column…',
    showMuted: 'Show muted findings ({count})',
    reset: 'Reset filters',
    colSeverity: 'Severity',
    colStatus: 'Status',
    colCheck: 'Check',
    colResource: 'Resource',
    colMessage: 'Finding',
    shown: '{from}–{to} of {count} matching findings ({total} in all)',
    noMatch: 'No findings match these filters.',
    previous: '‹ Previous',
    next: 'Next ›',
    page: 'page {page} of {pages}',
    rowHint: 'Click a row or press Enter to see what it means and how to fix it.',
    muted: 'muted',
    mutedBecause: 'Muted by the mutelist: {reason}',
    risk: 'What it means',
    fix: 'How to fix it',
    fixReference: 'How to fix it (nothing to do for this finding)',
    command: 'Command',
    copy: 'Copy',
    copied: 'Copied to the clipboard',
    copyFailed: 'Copying was blocked: the command is selected, press Ctrl+C (⌘C)',
    evidence: 'Evidence',
    observedUnknown: 'no time recorded',
    parts: 'Evidence parts',
    compliance: 'Compliance',
    noCompliance: 'No framework maps this check.',
    findingId: 'Finding id',
    arn: 'ARN',
    region: 'Region',
    resourceType: 'Resource type',
    complianceIntro: 'Each requirement gets one verdict from the checks behind it: an unmuted FAIL fails it, an ERROR leaves it undecided, a manual item or a MANUAL finding needs a person, and it passes only when every check passes or does not apply.',
    requirement: 'Item',
    requirementTitle: 'Requirement',
    verdict: 'Verdict',
    findings: 'Findings',
    checks: 'Checks',
    manualItem: 'manual',
    mutedCount: '{count} muted',
    showChecks: 'Show the findings of {check}',
    printHeading: 'Findings to act on',
    printIntro: 'Every FAIL, ERROR and MANUAL finding, worst first; muted ones are marked with their reason.',
    printNone: 'Nothing to act on: no FAIL, ERROR or MANUAL findings.',
    anyResource: '‹resource name›',
    anyResourceArn: '‹resource ARN›',
    anyRegion: '‹region›',
    footer: 'Generated by aws-lockdown {version} from scan {scanId}. This file is self-contained: it loads nothing from the network.',
  },
  nl: {
    documentTitle: 'aws-lockdown: account {account} ({time})',
    heading: 'Beveiligingsrapport AWS-account',
    subheading: 'aws-lockdown {version} · {source}',
    account: 'Account',
    partition: 'Partitie',
    scanTime: 'Scan',
    source: 'Herkomst bewijs',
    sourceAws: 'live scan via de AWS API',
    sourceEvidence: 'opgeslagen bewijs',
    sourceDemo: 'demobewijs (een voorbeeldaccount)',
    sourceWithCollector: '{source}, verzameld met {collector}',
    collectedAt: 'Bewijs verzameld',
    credentialReport: 'Credential report',
    reportAge: 'gemaakt {time}, {age} oud op het moment van de scan',
    reportAgeNote: 'Wat na dat moment aan gebruikers, wachtwoorden en sleutels is gewijzigd, staat niet in dit rapport: AWS geeft tot 4 uur lang hetzelfde credential report uit.',
    reportMissing: 'niet gelezen; de controles die het nodig hebben staan op FOUT',
    ageNow: 'minder dan een minuut',
    ageMinutes: '{minutes} min',
    ageHours: '{hours} u {minutes} min',
    ageDays: '{days} dagen',
    evidenceParts: 'Bewijsonderdelen ({count})',
    part: 'Onderdeel',
    partSource: 'Bron',
    observedAt: 'Waargenomen',
    action: 'API-actie',
    partError: 'niet gelezen: {code}: {message}',
    srcCredentialReport: 'credential report',
    srcApi: 'AWS API',
    srcConfig: 'configuratiebestand',
    srcNone: 'geen (geen bewijs nodig)',
    statusFilter: 'Dit rapport toont alleen bevindingen met status {statuses}; de samenvatting telt alle bevindingen.',
    summary: 'Samenvatting',
    severity: 'Ernst',
    status: 'Status',
    total: 'Totaal',
    chartTitle: 'Bevindingen per ernst, naar status',
    mutedTotal: '{count} bevinding(en) gedempt door de mutelist; ze blijven in de lijst staan, met hun reden erbij.',
    mutelist: 'Mutelist {file}',
    rule: 'Regel',
    ruleChecks: 'Controles',
    reason: 'Reden',
    owner: 'Eigenaar',
    expires: 'Verloopt',
    matched: 'Gedempt',
    expired: 'verlopen',
    unusedRules: 'Regels zonder treffer: {rules}',
    expiredRules: 'Verlopen regels (dempen niet meer): {rules}',
    tabs: 'Onderdelen van het rapport',
    tabFindings: 'Bevindingen ({count})',
    tabCompliance: 'Compliance',
    findingsHeading: 'Bevindingen',
    noscript: 'De bevindingenverkenner heeft JavaScript nodig. De samenvatting en het compliance-overzicht werken zonder; het JSON-formaat (--format json) bevat alle bevindingen.',
    check: 'Controle',
    allChecks: 'Alle controles',
    resource: 'Resource',
    resourcePlaceholder: 'naam of ARN bevat…',
    search: 'Zoeken',
    searchPlaceholder: 'woorden in elke kolom…',
    showMuted: 'Gedempte bevindingen tonen ({count})',
    reset: 'Filters wissen',
    colSeverity: 'Ernst',
    colStatus: 'Status',
    colCheck: 'Controle',
    colResource: 'Resource',
    colMessage: 'Bevinding',
    shown: '{from}–{to} van {count} passende bevindingen ({total} in totaal)',
    noMatch: 'Geen bevindingen die aan deze filters voldoen.',
    previous: '‹ Vorige',
    next: 'Volgende ›',
    page: 'pagina {page} van {pages}',
    rowHint: 'Klik op een regel of druk op Enter voor wat het betekent en hoe je het oplost.',
    muted: 'gedempt',
    mutedBecause: 'Gedempt door de mutelist: {reason}',
    risk: 'Wat het betekent',
    fix: 'Zo los je het op',
    fixReference: 'Zo los je het op (voor deze bevinding hoeft niets te gebeuren)',
    command: 'Commando',
    copy: 'Kopiëren',
    copied: 'Gekopieerd naar het klembord',
    copyFailed: 'Kopiëren werd geblokkeerd: het commando is geselecteerd, druk op Ctrl+C (⌘C)',
    evidence: 'Bewijs',
    observedUnknown: 'geen tijdstip vastgelegd',
    parts: 'Bewijsonderdelen',
    compliance: 'Compliance',
    noCompliance: 'Geen framework verwijst naar deze controle.',
    findingId: 'Bevinding-id',
    arn: 'ARN',
    region: 'Regio',
    resourceType: 'Resourcetype',
    complianceIntro: 'Elke eis krijgt één oordeel uit de controles erachter: een niet-gedempte FAALT laat de eis falen, een FOUT laat hem onbeslist, een handmatig item of een HANDMATIG-bevinding vraagt om een mens, en alleen als elke controle slaagt of niet van toepassing is, is het oordeel OK.',
    requirement: 'Item',
    requirementTitle: 'Eis',
    verdict: 'Oordeel',
    findings: 'Bevindingen',
    checks: 'Controles',
    manualItem: 'handmatig',
    mutedCount: '{count} gedempt',
    showChecks: 'Toon de bevindingen van {check}',
    printHeading: 'Bevindingen om op te pakken',
    printIntro: 'Alle bevindingen met FAALT, FOUT en HANDMATIG, ernstigste eerst; gedempte zijn gemarkeerd, met hun reden.',
    printNone: 'Niets op te pakken: geen bevindingen met FAALT, FOUT of HANDMATIG.',
    anyResource: '‹resourcenaam›',
    anyResourceArn: '‹resource-ARN›',
    anyRegion: '‹regio›',
    footer: 'Gemaakt door aws-lockdown {version} uit scan {scanId}. Dit bestand staat op zichzelf: het haalt niets van het netwerk op.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

type Text = (typeof HTML_TEXT)[Lang];
type TextKey = keyof (typeof HTML_TEXT)['en'];

const SOURCE_TEXT = { aws: 'sourceAws', evidence: 'sourceEvidence', demo: 'sourceDemo' } as const satisfies Record<ScanResult['scan']['source'], TextKey>;
/** Evidence sources of findings and parts (`none`: a check that needs no evidence). */
const EVIDENCE_SOURCE_TEXT = { 'credential-report': 'srcCredentialReport', api: 'srcApi', config: 'srcConfig', none: 'srcNone' } as const satisfies Record<string, TextKey>;

const FOUR_HOURS = 4 * 3_600_000;

/**
 * One self-contained page: header with the evidence's age, a summary with a chart, a
 * findings explorer that stays fast at 50,000 findings, the compliance views, and print styles.
 * Nothing is fetched: styles, script, chart and data are inline, and the Content-Security-Policy
 * allows only this page's own script and stylesheet, so even a name that slipped past escaping
 * could neither run nor load anything.
 */
export function renderHtml(result: ScanResult, options: ReportOptions): string {
  const lang = result.scan.lang;
  const t: Text = HTML_TEXT[lang];
  const account = result.accounts[0];
  const data = {
    lang,
    t,
    st: STATUSES,
    sv: SEVERITIES,
    sl: STATUSES.map((s) => STATUS_LABELS[lang][s]),
    vl: SEVERITIES.map((s) => SEVERITY_LABELS[lang][s]),
    src: Object.fromEntries(Object.entries(EVIDENCE_SOURCE_TEXT).map(([source, key]) => [source, t[key]])),
    fw: Object.fromEntries(FRAMEWORKS.map((f) => [f.id, `${f.name} ${f.version}`])),
    ...encodeFindings(result),
  };
  const script = `${DECODE_JS}${APP_JS}`;
  if (/<\/script|<!--/i.test(script)) throw new Error('the page script must not contain a closing script tag or a comment opener');
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(STYLE)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const body = [
    header(result, t),
    '<main>',
    summary(result, t),
    tabs(result, t),
    findingsPanel(result, t),
    compliancePanel(result, options, t),
    '</main>',
    `<footer>${esc(t.footer, { version: result.tool.version, scanId: result.scan.id })}</footer>`,
    `<script type="application/json" id="lockdown-data">${jsonForScript(data)}</script>`,
    `<script>${script}</script>`,
  ];
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(t.documentTitle, { account: account?.id ?? '?', time: when(result.scan.startedAt) })}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A label with its placeholders filled, escaped as a whole: values may come from the account. */
function esc(template: string, params: Record<string, string | number> = {}): string {
  return escapeHtml(interpolate(template, params));
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function age(ms: number, t: Text): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t.ageNow;
  if (minutes < 60) return interpolate(t.ageMinutes, { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return interpolate(t.ageHours, { hours, minutes: minutes % 60 });
  return interpolate(t.ageDays, { days: Math.floor(hours / 24) });
}

function header(result: ScanResult, t: Text): string {
  const source = t[SOURCE_TEXT[result.scan.source]];
  const out = [
    '<header class="report">',
    `<h1>${esc(t.heading)}</h1>`,
    `<p class="lede">${esc(t.subheading, { version: result.tool.version, source })}</p>`,
  ];
  for (const account of result.accounts) {
    // The age is taken at the start of the scan, so the page says the same thing whenever it is
    // opened; the absolute time stands beside it. A report generated during the scan is 0 old.
    const generated = account.credentialReportGeneratedAt;
    const ageMs = generated ? Math.max(0, Date.parse(result.scan.startedAt) - Date.parse(generated)) : 0;
    const report = generated
      ? `<dd class="${ageMs > FOUR_HOURS ? 'warn' : ''}" id="report-age">${esc(t.reportAge, { time: when(generated), age: age(ageMs, t) })}</dd>`
      : `<dd class="warn" id="report-age">${esc(t.reportMissing)}</dd>`;
    out.push(
      '<dl class="facts">',
      `<dt>${esc(t.account)}</dt><dd id="account-id">${escapeHtml(account.id)}</dd>`,
      `<dt>${esc(t.partition)}</dt><dd>${escapeHtml(account.partition)}</dd>`,
      `<dt>${esc(t.scanTime)}</dt><dd>${escapeHtml(when(result.scan.startedAt))}</dd>`,
      `<dt>${esc(t.source)}</dt><dd>${esc(t.sourceWithCollector, { source, collector: account.collector })}</dd>`,
      `<dt>${esc(t.collectedAt)}</dt><dd>${escapeHtml(when(account.collectedAt))}</dd>`,
      `<dt>${esc(t.credentialReport)}</dt>${report}`,
      '</dl>',
      `<p class="note">${esc(t.reportAgeNote)}</p>`,
      evidenceParts(account, t),
    );
  }
  if (result.scan.statusFilter) out.push(`<p class="note warn">${esc(t.statusFilter, { statuses: result.scan.statusFilter.map((s) => STATUS_LABELS[result.scan.lang][s]).join(', ') })}</p>`);
  out.push('</header>');
  return out.join('\n');
}

function evidenceParts(account: ScanResult['accounts'][number], t: Text): string {
  const rows = Object.entries(account.evidence).map(([name, part]) => {
    const cells =
      'error' in part
        ? `<td colspan="3" class="warn">${esc(t.partError, { code: part.error.code, message: part.error.message })}${part.error.action ? ` (${escapeHtml(part.error.action)})` : ''}</td>`
        : `<td>${escapeHtml(sourceLabel(part.source, t))}</td><td>${escapeHtml(when(part.observedAt))}</td><td>${escapeHtml(part.action ?? '')}</td>`;
    return `<tr><td><code>${escapeHtml(name)}</code></td>${cells}</tr>`;
  });
  return (
    `<details class="parts"><summary>${esc(t.evidenceParts, { count: rows.length })}</summary>` +
    `<table class="small"><thead><tr><th>${esc(t.part)}</th><th>${esc(t.partSource)}</th><th>${esc(t.observedAt)}</th><th>${esc(t.action)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`
  );
}

function sourceLabel(source: string, t: Text): string {
  return Object.hasOwn(EVIDENCE_SOURCE_TEXT, source) ? t[EVIDENCE_SOURCE_TEXT[source as keyof typeof EVIDENCE_SOURCE_TEXT]] : source;
}

const badge = (kind: 'st' | 'sev' | 'v', id: Status | Severity | RequirementVerdict, label: string) => `<span class="badge ${kind}-${id}">${escapeHtml(label)}</span>`;

function summary(result: ScanResult, t: Text): string {
  const lang = result.scan.lang;
  const counts = result.summary.bySeverityAndStatus;
  const num = (n: number) => (n === 0 ? '<td class="n zero">·</td>' : `<td class="n">${n}</td>`);
  const head = `<tr><th>${esc(t.severity)}</th>${STATUSES.map((s) => `<th class="n">${badge('st', s, STATUS_LABELS[lang][s])}</th>`).join('')}<th class="n">${esc(t.total)}</th></tr>`;
  const rows = SEVERITIES.map((sev) => `<tr><td class="sev">${badge('sev', sev, SEVERITY_LABELS[lang][sev])}</td>${STATUSES.map((s) => num(counts[sev][s])).join('')}<td class="n">${STATUSES.reduce((sum, s) => sum + counts[sev][s], 0)}</td></tr>`);
  const all = STATUSES.reduce((sum, s) => sum + result.summary.byStatus[s], 0);
  const total = `<tr class="total"><td>${esc(t.total)}</td>${STATUSES.map((s) => `<td class="n">${result.summary.byStatus[s]}</td>`).join('')}<td class="n">${all}</td></tr>`;
  const out = [
    '<section id="summary">',
    `<h2>${esc(t.summary)}</h2>`,
    '<div class="summary-grid">',
    `<table class="counts" id="summary-counts"><thead>${head}</thead><tbody>${rows.join('')}${total}</tbody></table>`,
    severityChart(result, t.chartTitle),
    '</div>',
  ];
  if (result.summary.muted > 0) out.push(`<p class="note">${esc(t.mutedTotal, { count: result.summary.muted })}</p>`);
  if (result.mutelist) out.push(mutelist(result.mutelist, t));
  out.push('</section>');
  return out.join('\n');
}

function mutelist(report: NonNullable<ScanResult['mutelist']>, t: Text): string {
  const rows = report.rules.map(
    (r) =>
      `<tr><td class="n">${r.rule}</td><td>${r.checks.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}</td><td>${escapeHtml(r.reason)}</td><td>${escapeHtml(r.owner ?? '')}</td>` +
      `<td>${escapeHtml(r.expires ?? '')}${r.expired ? ` <span class="tag warn">${esc(t.expired)}</span>` : ''}</td><td class="n">${r.matched}</td></tr>`,
  );
  const out = [
    `<h3>${esc(t.mutelist, { file: report.file })}</h3>`,
    `<table class="small"><thead><tr><th class="n">${esc(t.rule)}</th><th>${esc(t.ruleChecks)}</th><th>${esc(t.reason)}</th><th>${esc(t.owner)}</th><th>${esc(t.expires)}</th><th class="n">${esc(t.matched)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  ];
  if (report.unused.length) out.push(`<p class="note warn">${esc(t.unusedRules, { rules: report.unused.join(', ') })}</p>`);
  if (report.expired.length) out.push(`<p class="note warn">${esc(t.expiredRules, { rules: report.expired.join(', ') })}</p>`);
  return out.join('\n');
}

function tabs(result: ScanResult, t: Text): string {
  const tab = (id: string, label: string) => `<button type="button" role="tab" id="tab-${id}" data-tab="${id}" aria-controls="panel-${id}">${escapeHtml(label)}</button>`;
  return `<nav class="tabs needs-js" role="tablist" aria-label="${esc(t.tabs)}">${tab('findings', interpolate(t.tabFindings, { count: result.findings.length }))}${tab('compliance', t.tabCompliance)}</nav>`;
}

function findingsPanel(result: ScanResult, t: Text): string {
  const lang = result.scan.lang;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let muted = 0;
  const checkIds = new Set<string>();
  for (const f of result.findings) {
    bySeverity[f.severity]++;
    byStatus[f.status]++;
    if (f.muted) muted++;
    checkIds.add(f.checkId);
  }
  const box = (name: string, index: number, label: string, count: number) => `<label><input type="checkbox" name="${name}" value="${index}" checked> ${label} <span class="sub">(${count})</span></label>`;
  const checkOptions = [...checkIds].sort().map((id) => {
    const title = result.checks[id]?.title;
    return `<option value="${escapeHtml(id)}">${escapeHtml(title ? `${id} — ${title}` : id)}</option>`;
  });
  const sortable = (key: string, label: string) => `<th data-sort="${key}" aria-sort="none"><button type="button">${esc(label)}</button></th>`;
  return [
    '<section id="panel-findings" class="panel" role="tabpanel" aria-labelledby="tab-findings">',
    `<h2>${esc(t.findingsHeading)}</h2>`,
    `<noscript><p class="note">${esc(t.noscript)}</p></noscript>`,
    '<div class="controls needs-js">',
    `<div class="row"><fieldset><legend>${esc(t.severity)}</legend>${SEVERITIES.map((s, i) => box('severity', i, badge('sev', s, SEVERITY_LABELS[lang][s]), bySeverity[s])).join('')}</fieldset></div>`,
    `<div class="row"><fieldset><legend>${esc(t.status)}</legend>${STATUSES.map((s, i) => box('status', i, badge('st', s, STATUS_LABELS[lang][s]), byStatus[s])).join('')}</fieldset></div>`,
    '<div class="row">',
    `<label>${esc(t.check)} <select id="filter-check"><option value="">${esc(t.allChecks)}</option>${checkOptions.join('')}</select></label>`,
    `<label>${esc(t.resource)} <input type="search" id="filter-resource" placeholder="${esc(t.resourcePlaceholder)}" autocomplete="off"></label>`,
    `<label>${esc(t.search)} <input type="search" id="filter-search" placeholder="${esc(t.searchPlaceholder)}" autocomplete="off"></label>`,
    `<label><input type="checkbox" id="filter-muted" checked> ${esc(t.showMuted, { count: muted })}</label>`,
    `<button type="button" id="filter-reset">${esc(t.reset)}</button>`,
    '</div>',
    '</div>',
    `<div class="result-line needs-js"><span id="result-count" aria-live="polite"></span><span>${esc(t.rowHint)}</span></div>`,
    '<table class="findings needs-js" id="findings-table">',
    `<thead><tr>${sortable('severity', t.colSeverity)}${sortable('status', t.colStatus)}${sortable('check', t.colCheck)}${sortable('resource', t.colResource)}${sortable('message', t.colMessage)}</tr></thead>`,
    '<tbody id="findings-body"></tbody>',
    '</table>',
    `<div class="pager needs-js"><button type="button" id="page-prev">${esc(t.previous)}</button><span id="page-info"></span><button type="button" id="page-next">${esc(t.next)}</button></div>`,
    '<div id="print-findings" class="print-only"></div>',
    '</section>',
  ].join('\n');
}

function compliancePanel(result: ScanResult, options: ReportOptions, t: Text): string {
  const chosen = options.compliance ? frameworkById(options.compliance) : undefined;
  const frameworks = chosen ? [chosen, ...FRAMEWORKS.filter((f) => f !== chosen)] : FRAMEWORKS;
  const views = frameworks.map((f) => complianceView(result, f));
  const listed = new Set(result.findings.map((f) => f.checkId));
  const toc = views.map((v) => `<li><a href="#fw-${escapeHtml(v.framework.id)}">${escapeHtml(`${v.framework.name} ${v.framework.version}`)}</a></li>`).join('');
  return [
    '<section id="panel-compliance" class="panel" role="tabpanel" aria-labelledby="tab-compliance">',
    `<h2>${esc(t.compliance)}</h2>`,
    `<p class="note">${esc(t.complianceIntro)}</p>`,
    `<ul class="toc">${toc}</ul>`,
    ...views.map((v) => frameworkSection(v, result.scan.lang, listed, t)),
    '</section>',
  ].join('\n');
}

/** `listed`: the checks with findings in the result; only those link to the explorer. */
function frameworkSection(view: ComplianceView, lang: Lang, listed: ReadonlySet<string>, t: Text): string {
  const verdicts = Object.keys(view.totals) as RequirementVerdict[];
  const totals = verdicts.filter((v) => view.totals[v] > 0).map((v) => `${badge('v', v, VERDICT_LABELS[lang][v])} ${view.totals[v]}`);
  const rows = view.requirements.map((r) => {
    const counted = STATUSES.filter((s) => r.counts[s] > 0).map((s) => `${r.counts[s]} ${escapeHtml(STATUS_LABELS[lang][s])}`);
    if (r.muted > 0) counted.push(esc(t.mutedCount, { count: r.muted }));
    const checks = r.checks
      .map((c) => (listed.has(c) ? `<button type="button" class="check-link" data-check="${escapeHtml(c)}" title="${esc(t.showChecks, { check: c })}">${escapeHtml(c)}</button>` : `<code class="small">${escapeHtml(c)}</code>`))
      .join(' ');
    const manual = r.assessment === 'manual' ? `<span class="tag">${esc(t.manualItem)}</span>` : '';
    return `<tr class="v-${r.verdict}"><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.title)}${manual}</td><td>${badge('v', r.verdict, VERDICT_LABELS[lang][r.verdict])}</td><td class="small">${counted.join(', ') || '·'}</td><td>${checks}</td></tr>`;
  });
  return [
    `<section class="framework" id="fw-${escapeHtml(view.framework.id)}" data-framework="${escapeHtml(view.framework.id)}">`,
    `<h3>${escapeHtml(`${view.framework.name} ${view.framework.version}`)}</h3>`,
    `<p>${totals.join(' &nbsp; ')}</p>`,
    `<table class="requirements"><thead><tr><th>${esc(t.requirement)}</th><th>${esc(t.requirementTitle)}</th><th>${esc(t.verdict)}</th><th>${esc(t.findings)}</th><th>${esc(t.checks)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}
