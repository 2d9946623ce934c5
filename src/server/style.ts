// The dashboard's one stylesheet, served from /assets/style.css (the Content-Security-Policy allows
// styles from the dashboard itself only). System fonts, no url(), so the page fetches nothing else.
export const DASHBOARD_STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#ffffff;--muted:#5f6368;--line:#dadce0;--accent:#1a56db;
--st-FAIL:#c62828;--st-ERROR:#7b1fa2;--st-MANUAL:#8f5600;--st-PASS:#2e7d32;--st-NOT_APPLICABLE:#6b6b6b;
--sev-critical:#8b0000;--sev-high:#bf360c;--sev-medium:#a15c00;--sev-low:#1565c0;--sev-info:#616161}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#202124;--muted:#9aa0a6;--line:#3c4043;--accent:#8ab4f8;
--st-FAIL:#ff7b7b;--st-ERROR:#ce93d8;--st-MANUAL:#ffb74d;--st-PASS:#66bb6a;--st-NOT_APPLICABLE:#9e9e9e;
--sev-critical:#ff6e6e;--sev-high:#ff8a65;--sev-medium:#ffb74d;--sev-low:#64b5f6;--sev-info:#bdbdbd}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{display:flex;gap:1.5rem;align-items:center;padding:.6rem 1.2rem;border-bottom:1px solid var(--line)}
header .brand{font-weight:700}
header nav{display:flex;gap:1rem;flex:1}
header a.current{font-weight:700;text-decoration:none}
main{padding:1rem 1.2rem;max-width:1400px}
a{color:var(--accent)}
h1{font-size:1.35rem;margin:.2rem 0 .8rem}
h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
p.facts,.dim{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.4rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:0 .4rem;border-radius:.25rem;border:1px solid var(--c);color:var(--c);font-size:.8rem;font-weight:600;white-space:nowrap}
${['FAIL', 'ERROR', 'MANUAL', 'PASS', 'NOT_APPLICABLE'].map((s) => `.st-${s}{--c:var(--st-${s})}`).join('')}
${['critical', 'high', 'medium', 'low', 'info'].map((s) => `.sev-${s}{--c:var(--sev-${s})}`).join('')}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;margin:.4rem 0 .8rem}
form.filters label,form.picker label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}
form.filters select,form.filters input,form.picker select{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:.25rem;padding:.2rem .3rem}
form.filters select[multiple]{height:5.6rem}
.pager,form.picker{display:flex;gap:1rem;align-items:center;margin:.5rem 0}
.trend svg{max-width:100%;height:auto}
.trend .fail{stroke:var(--st-FAIL);fill:none;stroke-width:2}
.trend .error{stroke:var(--st-ERROR);fill:none;stroke-width:2;stroke-dasharray:4 3}
.trend .point{fill:var(--st-FAIL)}
.trend text{fill:var(--muted);font-size:11px}
.trend .axis{stroke:var(--line)}
.break{overflow-wrap:anywhere}
ol.timeline{padding-left:1.2rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:color-mix(in srgb,var(--line) 35%,transparent);padding:.5rem;border-radius:.25rem}
`;

/** The tab icon: a padlock, drawn inline so that the browser's /favicon.ico request is never needed. */
export const DASHBOARD_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="2" y="7" width="12" height="8" rx="1.5" fill="#1a56db"/><path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="#1a56db" stroke-width="2"/></svg>';
