import type { ScanResult } from '../record/result.js';
import { interpolate as fill } from '../engine/text.js';
import { SEVERITIES, STATUSES } from '../engine/types.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { encodeFindings, type PageData } from './html/data.js';
import { jsonForScript } from './html/escape.js';
import { pageFindings } from './html/findings.js';
import { html, raw, selfContainedHead } from './html/markup.js';
import { pageScript } from './html/script.js';
import { compliance } from './html/sections/compliance.js';
import { when } from './html/sections/common.js';
import { explorer, tabs } from './html/sections/explorer.js';
import { header } from './html/sections/header.js';
import { accountsSection } from './html/sections/accounts.js';
import { isManyAccounts } from './accounts.js';
import { summary } from './html/sections/summary.js';
import { STYLE } from './html/style.js';
import { EVIDENCE_SOURCE_TEXT, HTML_TEXT } from './html/text.js';
import { SEVERITY_LABELS, STATUS_LABELS } from './labels.js';
import type { ReportOptions } from './options.js';

export { HTML_TEXT } from './html/text.js';

// The report's pieces, each in its own module: words (html/text.ts), page sections
// (html/sections/), the findings' data encoding (html/data.ts) and the page script
// (html/client/, bundled at build time). This module puts them together.

/**
 * One self-contained page: header with the evidence's age, a summary with a chart, a
 * findings explorer that stays fast at 50,000 findings, the compliance views, and print styles.
 * Nothing is fetched: styles, script, chart and data are inline, and the Content-Security-Policy
 * allows only this page's own script and stylesheet, so even a name that slipped past escaping
 * could neither run nor load anything.
 */
export function renderHtml(result: ScanResult, options: ReportOptions): string {
  const lang = result.scan.lang;
  const t = HTML_TEXT[lang];
  const account = result.accounts[0];
  const many = isManyAccounts(result);
  // Each rendered finding once, for the data block; the sections only count (html/findings.ts).
  const findings = pageFindings(result, options.record);
  const data: PageData = {
    t,
    st: STATUSES,
    sv: SEVERITIES,
    sl: STATUSES.map((s) => STATUS_LABELS[lang][s]),
    vl: SEVERITIES.map((s) => SEVERITY_LABELS[lang][s]),
    src: Object.fromEntries(Object.entries(EVIDENCE_SOURCE_TEXT).map(([source, key]) => [source, t[key]])),
    fw: Object.fromEntries(FRAMEWORKS.map((f) => [f.id, `${f.name} ${f.version}`])),
    ...encodeFindings(result, options.record, findings.rendered),
  };
  // Taken after the data block: the counts come from the findings' neutral fields.
  const counted = findings.counted();
  const script = pageScript();
  if (/<\/script|<!--/i.test(script)) throw new Error('the page script must not contain a closing script tag or a comment opener');
  const title = many ? fill(t.documentTitleMany, { count: result.coverage.inScope, time: when(result.scan.startedAt) }) : fill(t.documentTitle, { account: account?.id ?? '?', time: when(result.scan.startedAt) });

  return html`${selfContainedHead({ lang, title, style: STYLE, script })}
<body>
${header(result, t)}
<main>
${summary(result, t)}
${many ? accountsSection(result, counted, t) : ''}
${tabs(findings.count, t)}
${explorer(result, counted, t)}
${compliance(result, counted, options, t)}
</main>
<footer>${fill(t.footer, { version: result.tool.version, scanId: result.scan.id })}</footer>
<script type="application/json" id="lockdown-data">${raw(jsonForScript(data))}</script>
<script>${raw(script)}</script>
</body>
</html>
`.toString();
}
