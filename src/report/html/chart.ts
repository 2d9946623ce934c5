import type { ScanResult } from '../../record/result.js';
import { SEVERITIES, STATUSES } from '../../engine/types.js';
import { SEVERITY_LABELS, STATUS_LABELS } from '../labels.js';
import { html, type Html } from './markup.js';

const LABEL_WIDTH = 92;
const BAR_WIDTH = 400;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;

/** One stacked bar per severity, a segment per status, drawn to the largest severity's total. */
export function severityChart(result: ScanResult, title: string): Html {
  const lang = result.scan.lang;
  const counts = result.summary.bySeverityAndStatus;
  const totals = SEVERITIES.map((sev) => STATUSES.reduce((sum, s) => sum + counts[sev][s], 0));
  const max = Math.max(1, ...totals);
  const width = LABEL_WIDTH + BAR_WIDTH + 70;
  const height = SEVERITIES.length * ROW_HEIGHT + 6;
  const rows = SEVERITIES.map((sev, row) => {
    const y = 4 + row * ROW_HEIGHT;
    let x = LABEL_WIDTH;
    const segments = STATUSES.filter((s) => counts[sev][s] > 0).map((s) => {
      const w = Math.max(1, (counts[sev][s] / max) * BAR_WIDTH);
      const rect = html`<rect class="seg-${s}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}"><title>${`${SEVERITY_LABELS[lang][sev]} · ${STATUS_LABELS[lang][s]}: ${counts[sev][s]}`}</title></rect>`;
      x += w;
      return rect;
    });
    const baseline = y + BAR_HEIGHT / 2 + 4;
    return html`<text x="0" y="${baseline}">${SEVERITY_LABELS[lang][sev]}</text>${segments}<text x="${(x + 6).toFixed(1)}" y="${baseline}">${totals[row]}</text>`;
  });
  const axis = html`<line class="axis" x1="${LABEL_WIDTH - 0.5}" y1="0" x2="${LABEL_WIDTH - 0.5}" y2="${height}"/>`;
  const legend = STATUSES.map((s) => html`<li><span class="sw sw-${s}"></span>${STATUS_LABELS[lang][s]}</li>`);
  return html`<figure class="chart"><svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title"><title id="chart-title">${title}</title>${axis}${rows}</svg><figcaption><ul class="legend">${legend}</ul></figcaption></figure>`;
}
