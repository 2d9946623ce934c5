import type { FindingData, PageData, Row } from '../data.js';
import { fill } from '../fill.js';
import { copy } from './copy.js';
import type { Decoder } from './decode.js';
import { $, add, h, own } from './dom.js';

// The findings explorer: filters, sorting and paging over every finding, kept fast at 50,000 by
// sorting indexes once per order, building the lower-case search keys on first use, and putting
// only one page of rows into the document.

const PAGE = 100;
type SortKey = 'severity' | 'status' | 'check' | 'resource' | 'message';

export interface Explorer {
  /** The default order: worst severity first, then status, check and resource name. */
  base: number[];
  /** Shows only the findings of one check ('' for all), from page one. */
  showCheck(id: string): void;
  /** Shows only the findings of the accounts `inScope` accepts (null: every account), from page one. */
  setScope(inScope: ((accountId: string) => boolean) | null): void;
  render(): void;
}

const cmp = <T>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

export function explorer(D: PageData, L: Decoder): Explorer {
  const T = D.t;
  const F = D.f;
  const N = F.length;
  const row = (j: number) => F[j] as Row;
  const locale = D.lang === 'nl' ? 'nl-NL' : 'en-GB';
  const num = (n: number) => n.toLocaleString(locale);
  const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : T.observedUnknown);

  const base = Array.from({ length: N }, (_, i) => i);
  base.sort((a, b) => {
    const x = row(a);
    const y = row(b);
    return x[3] - y[3] || x[2] - y[2] || x[1] - y[1] || cmp(x[7], y[7]) || a - b;
  });
  const rank = new Int32Array(N);
  base.forEach((j, i) => (rank[j] = i));

  let searchKeys: string[] | null = null;
  let resourceKeys: string[] = [];
  function buildKeys(): string[] {
    const keys = new Array<string>(N);
    resourceKeys = new Array<string>(N);
    for (let j = 0; j < N; j++) {
      const r = row(j);
      const res = `${r[7]}\n${L.arn(j)}`.toLowerCase();
      resourceKeys[j] = res;
      const mute = L.muted(j) ? `${T.muted}\n${L.muteReason(j) ?? ''}` : '';
      keys[j] = [res, D.c[r[1]], L.title(j), L.message(j), D.s[r[5]], D.s[r[6]], D.sl[r[2]], D.vl[r[3]], mute, r[0], ...(P ? [(D.a[r[4]] as string[])[0], P[r[4]]?.[0] ?? ''] : [])].join('\n').toLowerCase();
    }
    return keys;
  }
  let messageKeys: string[] | null = null;
  const SORTS: Record<SortKey, (j: number) => number | string> = {
    severity: (j) => row(j)[3],
    status: (j) => row(j)[2],
    check: (j) => row(j)[1],
    resource: (j) => row(j)[7].toLowerCase(),
    message: (j) => {
      messageKeys ??= Array.from({ length: N }, (_, m) => L.message(m).toLowerCase());
      return messageKeys[j] as string;
    },
  };

  // Many-account scans: each account's name and OU path (data.ts), and which accounts are in scope.
  const P = D.ap;
  let scope: boolean[] | null = null;
  const accountName = (r: Row) => {
    const a = D.a[r[4]] as FindingData['a'][number];
    const name = P?.[r[4]]?.[0];
    return name ? `${name} (${a[0]})` : a[0];
  };

  const sevOn = D.sv.map(() => true);
  const stOn = D.st.map(() => true);
  const state = { check: -1, resource: '', words: [] as string[], muted: true, sort: 'severity' as SortKey, dir: 1, page: 0 };
  const expanded = new Set<number>();
  const orders = new Map<string, number[]>();
  let filtered = base;

  function order(): number[] {
    const name = state.sort + (state.dir > 0 ? '+' : '-');
    let sorted = orders.get(name);
    if (sorted) return sorted;
    if (state.sort === 'severity' && state.dir > 0) sorted = base;
    else {
      const get = SORTS[state.sort];
      const dir = state.dir;
      const key = Array.from({ length: N }, (_, j) => get(j));
      sorted = base.slice().sort((a, b) => cmp(key[a], key[b]) * dir || (rank[a] as number) - (rank[b] as number));
    }
    orders.set(name, sorted);
    return sorted;
  }
  function passes(j: number): boolean {
    const r = row(j);
    if (!sevOn[r[3]] || !stOn[r[2]]) return false;
    if (scope && !scope[r[4]]) return false;
    if (state.check >= 0 && r[1] !== state.check) return false;
    if (!state.muted && L.muted(j)) return false;
    if (state.resource && !(resourceKeys[j] as string).includes(state.resource)) return false;
    const key = searchKeys?.[j] ?? '';
    return state.words.every((w) => key.includes(w));
  }
  function refilter(keepPage = false): void {
    if ((state.resource || state.words.length) && !searchKeys) searchKeys = buildKeys();
    filtered = order().filter(passes);
    if (!keepPage) state.page = 0;
    render();
  }

  const tbody = $('findings-body');
  const cell = (cls: string, child: Node) => add(h('td', cls), child);
  function rowEl(j: number): HTMLTableRowElement {
    const r = row(j);
    const tr = h('tr', 'finding');
    tr.tabIndex = 0;
    tr.setAttribute('data-i', String(j));
    tr.setAttribute('aria-expanded', expanded.has(j) ? 'true' : 'false');
    return add(
      tr,
      cell('', h('span', `badge sev-${D.sv[r[3]]}`, D.vl[r[3]])),
      add(cell('', h('span', `badge st-${D.st[r[2]]}`, D.sl[r[2]])), L.muted(j) ? h('span', 'badge muted', T.muted) : null),
      add(cell('check', h('code', '', D.c[r[1]])), h('div', 'sub', L.title(j))),
      add(cell('resource', h('div', 'name', r[7])), h('div', 'sub', P ? `${D.s[r[6]]} · ${accountName(r)}` : D.s[r[6]])),
      h('td', 'message', L.message(j)),
    );
  }
  function dl(pairs: [string, string | null | undefined][]): HTMLDListElement {
    const list = h('dl');
    for (const [term, value] of pairs) if (value !== null && value !== undefined && value !== '') add(list, h('dt', '', term), h('dd', '', value));
    return list;
  }
  const stepsEl = (steps: readonly string[]) => add(h('ol', 'steps'), ...steps.map((s) => h('li', '', s)));
  const evidenceSource = (s: string) => (own(D.src, s) ? D.src[s] : s);
  function complianceEl(c: Record<string, string[]>): HTMLElement {
    const ids = Object.keys(c);
    if (ids.length === 0) return h('p', 'sub', T.noCompliance);
    return add(h('ul'), ...ids.map((fw) => add(h('li'), h('strong', '', own(D.fw, fw) ? D.fw[fw] : fw), document.createTextNode(`: ${(c[fw] as string[]).join(', ')}`))));
  }
  function cliEl(cli: string): HTMLElement {
    const code = h('code', '', cli);
    const status = h('span', 'copy-status');
    const button = h('button', 'copy plain', T.copy);
    button.type = 'button';
    status.setAttribute('role', 'status');
    button.addEventListener('click', (ev) => {
      ev.stopPropagation();
      copy(cli, code, status, T);
    });
    return add(h('div', 'cli'), add(h('pre'), code), button, status);
  }
  function detailEl(j: number): HTMLTableRowElement {
    const f = L.decode(j);
    const c = L.checkOf(j);
    const fix = L.fix(j);
    const td = h('td');
    const box = h('div', 'detail-box');
    const main = h('div', 'detail-main');
    const side = h('div', 'detail-side');
    td.colSpan = 5;
    if (f.muted) add(box, h('p', 'mute-note', fill(T.mutedBecause, { reason: f.muteReason || '-' })));
    add(main, h('h4', '', T.risk), h('p', 'risk', c ? c.risk : ''));
    if (fix) {
      add(main, h('h4', '', f.remediation ? T.fix : T.fixReference), h('p', 'fix-summary', fix.summary), stepsEl(fix.steps));
      if (fix.cli) add(main, h('h4', '', T.command), cliEl(fix.cli));
    }
    add(
      side,
      h('h4', '', T.evidence),
      dl([
        [T.partSource, evidenceSource(f.evidence.source)],
        [T.observedAt, when(f.evidence.observedAt)],
        [T.action, f.evidence.action],
        [T.parts, f.evidence.parts.join(', ')],
      ]),
      h('h4', '', T.compliance),
      complianceEl(f.compliance),
      h('h4', '', T.resource),
      dl([
        [T.findingId, f.id],
        [T.arn, f.resource.arn],
        [T.resourceType, f.resource.type],
        [T.region, f.region],
        [T.account, P ? accountName(row(j)) : f.accountId],
        [T.ouPath, P?.[row(j)[4]]?.[2]],
      ]),
    );
    return add(h('tr', 'detail'), add(td, add(box, main, side)));
  }
  function toggle(tr: HTMLElement): void {
    const j = Number(tr.getAttribute('data-i'));
    const next = tr.nextElementSibling;
    if (expanded.has(j)) {
      expanded.delete(j);
      if (next?.classList.contains('detail')) next.remove();
      tr.setAttribute('aria-expanded', 'false');
    } else {
      expanded.add(j);
      tr.after(detailEl(j));
      tr.setAttribute('aria-expanded', 'true');
    }
  }
  tbody.addEventListener('click', (ev) => {
    const tr = (ev.target as Element).closest<HTMLElement>('tr.finding');
    if (tr) toggle(tr);
  });
  tbody.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement;
    if ((ev.key === 'Enter' || ev.key === ' ') && target.classList?.contains('finding')) {
      ev.preventDefault();
      toggle(target);
    }
  });

  function render(): void {
    const total = filtered.length;
    const pages = Math.max(1, Math.ceil(total / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    const from = state.page * PAGE;
    const to = Math.min(total, from + PAGE);
    const frag = document.createDocumentFragment();
    for (let k = from; k < to; k++) {
      const j = filtered[k] as number;
      frag.appendChild(rowEl(j));
      if (expanded.has(j)) frag.appendChild(detailEl(j));
    }
    if (total === 0) {
      const td = h('td', '', T.noMatch);
      td.colSpan = 5;
      frag.appendChild(add(h('tr', 'none'), td));
    }
    tbody.textContent = '';
    tbody.appendChild(frag);
    $('result-count').textContent = fill(T.shown, { from: num(total ? from + 1 : 0), to: num(to), count: num(total), total: num(N) });
    $('page-info').textContent = fill(T.page, { page: num(state.page + 1), pages: num(pages) });
    $<HTMLButtonElement>('page-prev').disabled = state.page === 0;
    $<HTMLButtonElement>('page-next').disabled = state.page >= pages - 1;
  }

  // Filters.
  function checked(name: string, flags: boolean[]): void {
    document.querySelectorAll<HTMLInputElement>(`input[name=${name}]`).forEach((box) => {
      box.addEventListener('change', () => {
        flags[Number(box.value)] = box.checked;
        refilter();
      });
    });
  }
  checked('severity', sevOn);
  checked('status', stOn);
  const checkSelect = $<HTMLSelectElement>('filter-check');
  const resourceInput = $<HTMLInputElement>('filter-resource');
  const searchInput = $<HTMLInputElement>('filter-search');
  const mutedBox = $<HTMLInputElement>('filter-muted');
  function setCheck(id: string): void {
    checkSelect.value = id;
    state.check = id ? D.c.indexOf(id) : -1;
  }
  checkSelect.addEventListener('change', () => {
    setCheck(checkSelect.value);
    refilter();
  });
  mutedBox.addEventListener('change', () => {
    state.muted = mutedBox.checked;
    refilter();
  });
  let timer = 0;
  function readText(): void {
    state.resource = resourceInput.value.trim().toLowerCase();
    state.words = searchInput.value.toLowerCase().split(/\s+/).filter(Boolean);
    refilter();
  }
  // Typing waits for a pause, so a 50,000-row filter runs once per word rather than per key.
  const later = () => {
    clearTimeout(timer);
    timer = window.setTimeout(readText, 120);
  };
  resourceInput.addEventListener('input', later);
  searchInput.addEventListener('input', later);
  $('filter-reset').addEventListener('click', () => {
    document.querySelectorAll<HTMLInputElement>('input[name=severity],input[name=status]').forEach((box) => (box.checked = true));
    sevOn.fill(true);
    stOn.fill(true);
    setCheck('');
    resourceInput.value = '';
    searchInput.value = '';
    mutedBox.checked = true;
    state.muted = true;
    readText();
  });

  // Sorting.
  const heads = document.querySelectorAll<HTMLElement>('table.findings th[data-sort]');
  function showSort(): void {
    heads.forEach((th) => th.setAttribute('aria-sort', th.getAttribute('data-sort') === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none'));
  }
  heads.forEach((th) => {
    th.querySelector('button')?.addEventListener('click', () => {
      const key = th.getAttribute('data-sort') as SortKey;
      if (state.sort === key) state.dir = -state.dir;
      else {
        state.sort = key;
        state.dir = 1;
      }
      showSort();
      refilter();
    });
  });
  showSort();

  // Paging.
  function go(delta: number): void {
    state.page += delta;
    render();
    $('findings-table').scrollIntoView({ block: 'start' });
  }
  $('page-prev').addEventListener('click', () => go(-1));
  $('page-next').addEventListener('click', () => go(1));

  return {
    base,
    showCheck(id) {
      setCheck(id);
      refilter();
    },
    setScope(inScope) {
      scope = inScope ? D.a.map((a) => inScope(a[0])) : null;
      refilter();
    },
    render,
  };
}
