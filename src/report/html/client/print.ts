import type { PageData, Row } from '../data.js';
import { fill } from '../fill.js';
import type { Decoder, Fix } from './decode.js';
import { $, add, h } from './dom.js';

const ACTIONABLE: Readonly<Record<string, true>> = { FAIL: true, ERROR: true, MANUAL: true };

/**
 * The print view: every FAIL, ERROR and MANUAL finding grouped by check, with its fix, in place of
 * the interactive table (which shows one page of rows at a time). Built once, on first print.
 */
export function printView(D: PageData, L: Decoder, base: readonly number[]): () => void {
  const T = D.t;
  const row = (j: number) => D.f[j] as Row;
  const accountOf = (j: number) => {
    const a = row(j)[4];
    const name = D.ap?.[a]?.[0];
    const id = D.a[a]?.[0] ?? '';
    return name ? `${name} (${id})` : id;
  };
  let printed = false;
  return function buildPrint() {
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    if (printed) return;
    printed = true;
    const box = $('print-findings');
    const groups = new Map<number, number[]>();
    for (const j of base) {
      if (!ACTIONABLE[D.st[row(j)[2]] as string]) continue;
      const list = groups.get(row(j)[1]) ?? [];
      if (list.length === 0) groups.set(row(j)[1], list);
      list.push(j);
    }
    add(box, h('h2', '', T.printHeading), h('p', 'note', groups.size ? T.printIntro : T.printNone));
    groups.forEach((list) => {
      const first = list[0] as number;
      const r = row(first);
      const c = L.checkOf(first);
      const section = h('section', 'print-check');
      add(section, add(h('header'), h('h3', '', `${D.c[r[1]]} \u2014 ${L.title(first)}`), add(h('p'), h('span', `badge sev-${D.sv[r[3]]}`, D.vl[r[3]]))));
      if (c) add(section, h('p', 'risk', c.risk));
      let fix: Fix | null = list.length === 1 ? L.fix(first) : null;
      if (!fix && c) {
        // Several resources: the steps name none of them.
        const v = { ...L.vars(first), resourceName: T.anyResource, resourceArn: T.anyResourceArn, region: T.anyRegion };
        fix = { summary: fill(c.fixSummary, v), steps: c.fixSteps.map((s) => fill(s, v)), cli: null };
      }
      if (fix) add(section, h('h4', '', T.fix), h('p', '', fix.summary), add(h('ol', 'steps'), ...fix.steps.map((s) => h('li', '', s))));
      const body = h('tbody');
      const head = add(h('thead'), add(h('tr'), h('th', '', T.colStatus), h('th', '', T.resource), h('th', '', T.colMessage), h('th', '', T.command)));
      for (const j of list) {
        const rem = L.remediation(j);
        const status = add(h('td'), h('span', `badge st-${D.st[row(j)[2]]}`, D.sl[row(j)[2]]));
        if (L.muted(j)) add(status, h('div', 'sub', fill(T.mutedBecause, { reason: L.muteReason(j) || '-' })));
        // A many-account report names each resource's account, as the explorer does.
        const account = D.ap ? h('div', 'sub', accountOf(j)) : null;
        add(body, add(h('tr'), status, add(h('td', '', row(j)[7]), account), h('td', '', L.message(j)), add(h('td'), rem?.cli ? add(h('pre'), h('code', '', rem.cli)) : null)));
      }
      add(box, add(section, add(h('table'), head, body)));
    });
  };
}
