import type { Severity, Status } from '../../../engine/types.js';
import type { RequirementVerdict } from '../../compliance.js';
import { html, type Html } from '../markup.js';

/** A timestamp as the page shows it, to the minute: `2026-11-20 10:00 UTC`. */
export const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** A coloured label; the class carries the meaning for the stylesheet and the tests. */
export const badge = (kind: 'st' | 'sev' | 'v', id: Status | Severity | RequirementVerdict, label: string): Html => html`<span class="badge ${kind}-${id}">${label}</span>`;

/** Markup pieces with a separator between them. */
export function joined(items: readonly Html[], separator: string | Html = ', '): Html {
  return html`${items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]))}`;
}
