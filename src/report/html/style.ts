import type { Severity, Status } from '../../engine/types.js';
import type { RequirementVerdict } from '../compliance.js';

// Colours keep their meaning across the badges, the chart and the compliance verdicts; each pair
// is [light, dark] and is readable as text on white or dark grey and as a fill.
const STATUS_COLORS = {
  FAIL: ['#c62828', '#ef5350'],
  ERROR: ['#7b1fa2', '#ba68c8'],
  MANUAL: ['#b26a00', '#ffb74d'],
  PASS: ['#2e7d32', '#66bb6a'],
  NOT_APPLICABLE: ['#757575', '#9e9e9e'],
} as const satisfies Record<Status, readonly [string, string]>;

const SEVERITY_COLORS = {
  critical: ['#8b0000', '#ff6e6e'],
  high: ['#d84315', '#ff8a65'],
  medium: ['#a15c00', '#ffb74d'],
  low: ['#1565c0', '#64b5f6'],
  info: ['#616161', '#bdbdbd'],
} as const satisfies Record<Severity, readonly [string, string]>;

const VERDICT_STATUS = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  ERROR: 'ERROR',
  MANUAL: 'MANUAL',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  NOT_RUN: 'NOT_APPLICABLE',
} as const satisfies Record<RequirementVerdict, Status>;

function variables(dark: boolean): string {
  const k = dark ? 1 : 0;
  return [
    ...Object.entries(STATUS_COLORS).map(([s, c]) => `--st-${s}:${c[k]};`),
    ...Object.entries(SEVERITY_COLORS).map(([s, c]) => `--sev-${s}:${c[k]};`),
  ].join('');
}

const classes = [
  ...Object.keys(STATUS_COLORS).map((s) => `.st-${s}{--c:var(--st-${s})}.seg-${s}{fill:var(--st-${s})}.sw-${s}{background:var(--st-${s})}`),
  ...Object.keys(SEVERITY_COLORS).map((s) => `.sev-${s}{--c:var(--sev-${s})}`),
  ...Object.entries(VERDICT_STATUS).map(([v, s]) => `.v-${v}{--c:var(--st-${s})}`),
].join('\n');

/** The page's only stylesheet: system fonts, no url(), no @import, so nothing is fetched. */
export const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1d1d1f;--muted:#5f6368;--line:#dadce0;--soft:#f4f5f7;--accent:#0b57d0;${variables(false)}}
@media (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#e8eaed;--muted:#a0a4ab;--line:#3c4043;--soft:#202328;--accent:#8ab4f8;${variables(true)}}}
${classes}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.report,main,footer{max-width:1280px;margin:0 auto;padding:0 24px}
header.report{padding-top:20px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}h3{font-size:15px;margin:20px 0 8px}h4{font-size:13px;margin:12px 0 4px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
.lede{color:var(--muted);margin:0 0 14px}
code,pre{font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0 0 8px}
.facts dt{color:var(--muted)}.facts dd{margin:0}
.note{color:var(--muted);font-size:13px;margin:4px 0}
.warn{color:var(--st-MANUAL)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:var(--muted)}
.small{font-size:12.5px}
details.parts{margin:6px 0 0}details.parts summary{cursor:pointer;color:var(--accent)}
.summary-grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:24px;align-items:start}
@media (max-width:900px){.summary-grid{grid-template-columns:1fr}}
table.counts td.sev{font-weight:600}
table.counts tr.total td{font-weight:600;border-top:2px solid var(--line)}
figure.chart{margin:0;max-width:640px}figure.chart svg{width:100%;height:auto;display:block}
svg text{fill:var(--fg);font:12px system-ui,sans-serif}svg .axis{stroke:var(--line)}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:6px 0 0;padding:0;list-style:none;font-size:12.5px}
.legend .sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.badge{display:inline-block;padding:1px 7px;border-radius:10px;font-size:11.5px;font-weight:600;white-space:nowrap;color:var(--c,var(--muted));border:1px solid var(--c,var(--line));-webkit-print-color-adjust:exact;print-color-adjust:exact}
.badge.muted{--c:var(--muted);border-style:dashed;margin-left:4px;font-weight:500}
.tag{font-size:11px;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 4px;margin-left:6px}
.needs-js{display:none}.js .needs-js{display:block}.js table.needs-js{display:table}.js nav.needs-js{display:flex}
nav.tabs{gap:4px;border-bottom:1px solid var(--line);margin:28px 0 0}
nav.tabs button{font:inherit;font-weight:600;background:none;border:0;border-bottom:3px solid transparent;padding:8px 14px;color:var(--muted);cursor:pointer}
nav.tabs button[aria-selected=true]{color:var(--fg);border-bottom-color:var(--accent)}
.controls{margin:12px 0;padding:12px;background:var(--soft);border-radius:8px}
.controls .row{display:flex;flex-wrap:wrap;gap:10px 22px;align-items:center;margin:4px 0}
.controls fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 10px;align-items:center}
.controls legend{float:left;font-weight:600;margin-right:8px;padding:0}
.controls label{white-space:nowrap}
.controls input[type=search],.controls select{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.controls input[type=search]{width:230px}.controls select{max-width:420px}
button.plain,.pager button,.controls button{font:inherit;padding:4px 12px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);cursor:pointer}
button:disabled{opacity:.45;cursor:default}
.result-line{display:flex;justify-content:space-between;flex-wrap:wrap;gap:8px;color:var(--muted);margin:6px 0}
table.findings th button{font:inherit;font-weight:600;background:none;border:0;padding:0;color:inherit;cursor:pointer}
table.findings th[aria-sort=ascending] button::after{content:" \\25B2";font-size:10px}
table.findings th[aria-sort=descending] button::after{content:" \\25BC";font-size:10px}
tr.finding{cursor:pointer}tr.finding:hover,tr.finding:focus{background:var(--soft);outline:none}
tr.finding:focus-visible{outline:2px solid var(--accent);outline-offset:-2px}
tr.finding[aria-expanded=true]{background:var(--soft)}
tr.finding td.check code{font-size:12px}
.sub{color:var(--muted);font-size:12px}
table.findings th[data-sort=check]{width:27%}table.findings th[data-sort=resource]{width:20%}
td.resource .name{overflow-wrap:anywhere}
tr.detail>td{background:var(--soft);padding:4px 16px 14px}
.detail-box{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:8px 28px}
@media (max-width:900px){.detail-box{grid-template-columns:1fr}}
.detail-box .mute-note{grid-column:1/-1;margin:8px 0 0;padding:6px 10px;border-left:3px dashed var(--muted)}
.detail-box ol{margin:4px 0;padding-left:22px}.detail-box li{margin:2px 0}
.detail-box dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0}.detail-box dt{color:var(--muted)}.detail-box dd{margin:0;word-break:break-all}
.detail-box ul{margin:4px 0;padding-left:18px}
.cli{position:relative}
.cli pre{margin:4px 0;padding:10px 12px;background:var(--bg);border:1px solid var(--line);border-radius:6px;white-space:pre-wrap;word-break:break-all}
.cli .copy{margin-right:8px}.copy-status{color:var(--muted);font-size:12.5px}
.pager{display:flex;gap:8px;align-items:center;justify-content:flex-end;margin:10px 0}
.js .pager.needs-js,.js .result-line.needs-js{display:flex}
section.framework table td:first-child{white-space:nowrap}
button.check-link{font:inherit;text-align:left;font-size:12.5px;background:none;border:0;padding:0;margin:0 6px 0 0;color:var(--accent);cursor:pointer;text-decoration:underline dotted}
.toc{display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;list-style:none}
.toc a{color:var(--accent)}
.print-only{display:none}
.scroll{max-height:520px;overflow:auto;margin:6px 0 10px;border:1px solid var(--line);border-radius:6px}
.scroll table thead th{position:sticky;top:0;background:var(--bg);z-index:1}
button.account-link{font:inherit;background:none;border:0;padding:0;color:var(--accent);cursor:pointer;text-decoration:underline dotted}
.controls.scope{margin:8px 0}
#accounts-shown{color:var(--muted)}
table.matrix th,table.matrix td{padding:3px 5px}
table.matrix thead th.mx{vertical-align:bottom;border-top:3px solid var(--c,var(--line))}
table.matrix thead th.mx span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500}
table.matrix thead th.mx button.check-link{margin:0;text-decoration:none}
table.matrix tbody th{position:sticky;left:0;background:var(--bg);font-weight:500;white-space:nowrap}
table.matrix td.hit{color:var(--st-FAIL);font-weight:600;text-align:center}
.offscreen{position:fixed;left:-9999px;top:0}
footer{color:var(--muted);font-size:12.5px;padding:28px 24px 40px}
@media print{
  @page{margin:14mm 12mm}
  :root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--soft:#fff;${variables(false)}}
  body{font-size:10.5pt}
  header.report,main,footer{max-width:none;padding:0}
  .needs-js,.js .needs-js,.js table.needs-js,.js nav.needs-js,.js .pager.needs-js,.js .result-line.needs-js,nav.tabs,.controls,.pager,.result-line,button.copy,.copy-status,noscript{display:none!important}
  .panel[hidden]{display:block!important}
  .print-only{display:block}
  .scroll{max-height:none;overflow:visible;border:0}
  #panel-findings,#panel-compliance{break-before:page}
  #panel-findings>h2{display:none}
  h2,h3,h4{break-after:avoid}
  tr,li,.print-check header{break-inside:avoid}
  details.parts>*{display:block}
  button.check-link{color:inherit;text-decoration:none}
  .print-check{margin:0 0 14px}
  .print-check pre{white-space:pre-wrap;word-break:break-all;margin:0;font-size:8.5pt}
  .print-check table{font-size:9.5pt}
}
`;
