import { html, raw, type Html } from '../report/html/markup.js';

/** One point of the trend: a scan and its open findings. */
export interface TrendPoint {
  label: string;
  fail: number;
  error: number;
}

const WIDTH = 720;
const HEIGHT = 180;
const PAD = { left: 40, right: 12, top: 12, bottom: 24 };

/**
 * The trend as inline SVG drawn on the server: no chart library, no script, nothing fetched. Two
 * lines (unmuted FAIL solid, ERROR dashed) over the scans, oldest left; the title names the data
 * for screen readers and each point has a tooltip with its numbers.
 */
export function trendChart(points: readonly TrendPoint[], title: string, tooltip: (point: TrendPoint) => string): Html {
  const max = Math.max(1, ...points.map((p) => Math.max(p.fail, p.error)));
  const step = points.length > 1 ? (WIDTH - PAD.left - PAD.right) / (points.length - 1) : 0;
  const x = (i: number) => PAD.left + (points.length > 1 ? i * step : (WIDTH - PAD.left - PAD.right) / 2);
  const y = (v: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / max);
  const line = (pick: (p: TrendPoint) => number) => points.map((p, i) => `${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  return html`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg">
<title>${title}</title>
<line class="axis" x1="${PAD.left}" y1="${y(0)}" x2="${WIDTH - PAD.right}" y2="${y(0)}"/>
<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${y(0)}"/>
<text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${max}</text>
<text x="${PAD.left - 6}" y="${y(0)}" text-anchor="end">0</text>
${first ? html`<text x="${PAD.left}" y="${HEIGHT - 6}">${first.label}</text>` : ''}
${last && points.length > 1 ? html`<text x="${WIDTH - PAD.right}" y="${HEIGHT - 6}" text-anchor="end">${last.label}</text>` : ''}
<polyline class="fail" points="${raw(line((p) => p.fail))}"/>
<polyline class="error" points="${raw(line((p) => p.error))}"/>
${points.map((p, i) => html`<circle cx="${x(i).toFixed(1)}" cy="${y(p.fail).toFixed(1)}" r="2.5" class="point"><title>${tooltip(p)}</title></circle>`)}
</svg>`;
}
