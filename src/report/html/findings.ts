import type { Finding } from '../../engine/types.js';
import type { ScanRecord } from '../../record/record.js';
import { unrenderedFindings } from '../../record/render.js';
import type { RenderedFinding, ScanResult } from '../../record/result.js';
import type { CountedFinding } from '../compliance.js';

// An organisation scan has hundreds of thousands of findings; all of them in words at once is
// ~600 MB. The page's data block takes the rendered findings one at a time (each is garbage once
// encoded); the sections only count, and count from the neutral fields: the record's own findings
// (listed as render() lists them), or a light copy taken during that one pass.

/** A result's findings as the page's parts take them. */
export interface PageFindings {
  /** How many findings the result lists. */
  count: number;
  /** The rendered findings, in the result's order; to be taken once, before `counted`. */
  rendered: Iterable<RenderedFinding>;
  /** The same findings' neutral fields, in the same order; ready once `rendered` was taken. */
  counted(): readonly CountedFinding[];
}

/** `record`: the record the result was rendered from, if known (checked finding by finding). */
export function pageFindings(result: ScanResult, record?: ScanRecord): PageFindings {
  const unrendered = unrenderedFindings(result);
  if (!unrendered) {
    const all = result.findings;
    return { count: all.length, rendered: all, counted: () => all };
  }
  const filter = result.scan.statusFilter;
  // Exactly the findings render() lists: the record's, narrowed by the status filter.
  const listed: readonly Finding[] | undefined = record && (filter ? record.findings.filter((f) => filter.includes(f.status)) : record.findings);
  // The record's findings serve while each matches its rendered twin; from the first that does
  // not (another record than the result's), light copies are kept instead.
  let own: CountedFinding[] | null = listed?.length === unrendered.count ? null : [];
  let done = false;
  function* rendered(): Generator<RenderedFinding, void, undefined> {
    let i = 0;
    for (const f of unrendered?.each ?? []) {
      if (own === null && !same(listed?.[i], f)) own = (listed ?? []).slice(0, i);
      if (own !== null) own.push(light(f));
      i++;
      yield f;
    }
    done = true;
  }
  return {
    count: unrendered.count,
    rendered: rendered(),
    counted: () => {
      if (!done) throw new Error('the rendered findings must be taken before they are counted');
      return own ?? (listed as readonly Finding[]);
    },
  };
}

const light = (f: CountedFinding): CountedFinding => ({ checkId: f.checkId, status: f.status, severity: f.severity, muted: f.muted, accountId: f.accountId, messageId: f.messageId });

function same(a: CountedFinding | undefined, b: CountedFinding): boolean {
  return a !== undefined && a.checkId === b.checkId && a.status === b.status && a.severity === b.severity && a.muted === b.muted && a.accountId === b.accountId && a.messageId === b.messageId;
}
