// The page's script, as text: plain ES2020 that any current browser runs from a file:// URL,
// with no framework and no network. It builds every element with createElement/textContent, so
// names from the account are never parsed as HTML. Written with String.raw, so backslashes reach
// the browser as written; it must not contain a backtick, `${` or a closing script tag.

/**
 * Rebuilds findings from the compact rows of data.ts. Kept apart so that the unit tests can run it
 * in node:vm and compare every decoded finding with the JSON result.
 */
export const DECODE_JS = String.raw`
function lockdownDecoder(D) {
  var PH = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
  var own = Object.prototype.hasOwnProperty;
  var F = D.f;
  function fill(t, vars) {
    return t.replace(PH, function (m, k) { return own.call(vars, k) ? String(vars[k]) : m; });
  }
  function at(r, n, dflt) { return r.length > n ? r[n] : dflt; }
  function checkOf(i) { var id = D.c[F[i][1]]; return own.call(D.k, id) ? D.k[id] : null; }
  function extra(i) { return own.call(D.x, i) ? D.x[i] : null; }
  function title(i) { var x = extra(i); if (x && own.call(x, 't')) return x.t; var c = checkOf(i); return c ? c.title : ''; }
  function arn(i) { var r = F[i]; return typeof r[8] === 'number' ? D.s[r[8]] + r[7] : r[8]; }
  function message(i) { var r = F[i], m = r[9]; return m >= 0 ? D.s[m].split('\u0001').join(r[7]) : D.s[-1 - m]; }
  function muted(i) { return at(F[i], 12, -1) !== -1; }
  function muteReason(i) { var m = at(F[i], 12, -1); return m >= 0 ? D.s[m] : null; }
  function vars(i) {
    var r = F[i], a = D.a[r[4]];
    return { accountId: a[0], partition: a[1], region: D.s[r[5]], resourceName: r[7], resourceArn: arn(i), consoleUrl: a[2] };
  }
  function fromCheck(c, v) {
    return {
      summary: fill(c.fixSummary, v),
      steps: c.fixSteps.map(function (s) { return fill(s, v); }),
      cli: c.cli === null ? null : fill(c.cli, v),
      rootOnly: c.rootOnly
    };
  }
  function remediation(i) {
    var k = at(F[i], 11, -1);
    if (k < 0) return null;
    if (k > 0) { var x = D.r[k - 1]; return { summary: x[0], steps: x[1].slice(), cli: x[2], rootOnly: x[3] }; }
    return fromCheck(checkOf(i), vars(i));
  }
  /** What to do about a finding: its own remediation, else (PASS, N/A) the check's, for reference. */
  function fix(i) {
    var rem = remediation(i);
    if (rem) return rem;
    var c = checkOf(i);
    return c ? fromCheck(c, vars(i)) : null;
  }
  function compliance(i) { var x = extra(i); if (x && own.call(x, 'p')) return x.p; var c = checkOf(i); return c ? c.compliance : {}; }
  function decode(i) {
    var r = F[i], a = D.a[r[4]], e = D.e[r[10]], x = extra(i);
    var resource = { type: D.s[r[6]], arn: arn(i), name: r[7] };
    if (x && own.call(x, 'g')) resource.region = x.g;
    return {
      id: r[0], checkId: D.c[r[1]], status: D.st[r[2]], severity: D.sv[r[3]],
      accountId: a[0], partition: a[1], region: D.s[r[5]], resource: resource,
      title: title(i), message: message(i), muted: muted(i), muteReason: muteReason(i),
      evidence: { source: e[0], observedAt: e[1], action: e[2], parts: e[3].slice() },
      compliance: compliance(i), remediation: remediation(i)
    };
  }
  return { fill: fill, checkOf: checkOf, title: title, arn: arn, message: message, muted: muted, muteReason: muteReason, vars: vars, remediation: remediation, fix: fix, compliance: compliance, decode: decode };
}
`;

/** The explorer, tabs, copy buttons and print view. */
export const APP_JS = String.raw`
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var D = JSON.parse(document.getElementById('lockdown-data').textContent);
  var T = D.t, L = lockdownDecoder(D), F = D.f, N = F.length, PAGE = 100;
  var ACTIONABLE = { FAIL: true, ERROR: true, MANUAL: true };
  var locale = D.lang === 'nl' ? 'nl-NL' : 'en-GB';

  function $(id) { return document.getElementById(id); }
  function h(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) { for (var n = 1; n < arguments.length; n++) if (arguments[n]) parent.appendChild(arguments[n]); return parent; }
  function num(n) { return n.toLocaleString(locale); }
  function when(iso) { return iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : T.observedUnknown; }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // The default order: worst severity first, then status, check and resource name.
  var base = new Array(N), rank = new Int32Array(N), i;
  for (i = 0; i < N; i++) base[i] = i;
  base.sort(function (a, b) { var x = F[a], y = F[b]; return x[3] - y[3] || x[2] - y[2] || x[1] - y[1] || cmp(x[7], y[7]) || a - b; });
  for (i = 0; i < N; i++) rank[base[i]] = i;

  // Lower-case keys for the text filters, built once on first use.
  var searchKeys = null, resourceKeys = null;
  function buildKeys() {
    searchKeys = new Array(N); resourceKeys = new Array(N);
    for (var j = 0; j < N; j++) {
      var r = F[j], a = L.arn(j), res = (r[7] + '\n' + a).toLowerCase();
      resourceKeys[j] = res;
      searchKeys[j] = (res + '\n' + D.c[r[1]] + '\n' + L.title(j) + '\n' + L.message(j) + '\n' + D.s[r[5]] + '\n' + D.s[r[6]] + '\n' +
        D.sl[r[2]] + '\n' + D.vl[r[3]] + '\n' + (L.muted(j) ? T.muted + '\n' + (L.muteReason(j) || '') : '') + '\n' + r[0]).toLowerCase();
    }
  }
  var messageKeys = null;
  var SORTS = {
    severity: function (j) { return F[j][3]; },
    status: function (j) { return F[j][2]; },
    check: function (j) { return F[j][1]; },
    resource: function (j) { return F[j][7].toLowerCase(); },
    message: function (j) {
      if (!messageKeys) { messageKeys = new Array(N); for (var m = 0; m < N; m++) messageKeys[m] = L.message(m).toLowerCase(); }
      return messageKeys[j];
    }
  };

  var sevOn = D.sv.map(function () { return true; });
  var stOn = D.st.map(function () { return true; });
  var state = { check: -1, resource: '', words: [], muted: true, sort: 'severity', dir: 1, page: 0 };
  var expanded = new Set();
  var orders = {}, filtered = base;

  function order() {
    var name = state.sort + (state.dir > 0 ? '+' : '-');
    if (orders[name]) return orders[name];
    if (state.sort === 'severity' && state.dir > 0) return (orders[name] = base);
    var key = new Array(N), get = SORTS[state.sort], dir = state.dir;
    for (var j = 0; j < N; j++) key[j] = get(j);
    return (orders[name] = base.slice().sort(function (a, b) { return cmp(key[a], key[b]) * dir || rank[a] - rank[b]; }));
  }
  function passes(j) {
    var r = F[j];
    if (!sevOn[r[3]] || !stOn[r[2]]) return false;
    if (state.check >= 0 && r[1] !== state.check) return false;
    if (!state.muted && L.muted(j)) return false;
    if (state.resource && resourceKeys[j].indexOf(state.resource) < 0) return false;
    for (var w = 0; w < state.words.length; w++) if (searchKeys[j].indexOf(state.words[w]) < 0) return false;
    return true;
  }
  function refilter(keepPage) {
    if ((state.resource || state.words.length) && !searchKeys) buildKeys();
    filtered = order().filter(passes);
    if (!keepPage) state.page = 0;
    render();
  }

  var tbody = $('findings-body');
  function cell(cls, child) { var td = h('td', cls); add(td, child); return td; }
  function rowEl(j) {
    var r = F[j], st = D.st[r[2]], sv = D.sv[r[3]];
    var tr = h('tr', 'finding');
    tr.tabIndex = 0;
    tr.setAttribute('data-i', String(j));
    tr.setAttribute('aria-expanded', expanded.has(j) ? 'true' : 'false');
    add(tr,
      cell('', h('span', 'badge sev-' + sv, D.vl[r[3]])),
      add(cell('', h('span', 'badge st-' + st, D.sl[r[2]])), L.muted(j) ? h('span', 'badge muted', T.muted) : null),
      add(cell('check', h('code', '', D.c[r[1]])), h('div', 'sub', L.title(j))),
      add(cell('resource', h('div', 'name', r[7])), h('div', 'sub', D.s[r[6]])),
      h('td', 'message', L.message(j)));
    return tr;
  }
  function dl(pairs) {
    var list = h('dl');
    pairs.forEach(function (p) { if (p[1] !== null && p[1] !== undefined && p[1] !== '') add(list, h('dt', '', p[0]), h('dd', '', p[1])); });
    return list;
  }
  function stepsEl(steps) { var ol = h('ol', 'steps'); steps.forEach(function (s) { add(ol, h('li', '', s)); }); return ol; }
  function evidenceSource(s) { return own(D.src, s) ? D.src[s] : s; }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function complianceEl(c) {
    var ids = Object.keys(c);
    if (ids.length === 0) return h('p', 'sub', T.noCompliance);
    var ul = h('ul');
    ids.forEach(function (fw) { add(ul, add(h('li'), h('strong', '', own(D.fw, fw) ? D.fw[fw] : fw), document.createTextNode(': ' + c[fw].join(', ')))); });
    return ul;
  }
  function copy(text, code, status) {
    function done() { status.textContent = T.copied; }
    function fallback() {
      var ta = h('textarea', 'offscreen');
      ta.value = text;
      ta.setAttribute('readonly', '');
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(ta);
      if (ok) return done();
      // Nothing could write the clipboard: select the command so that Ctrl+C does.
      var range = document.createRange();
      range.selectNodeContents(code);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      status.textContent = T.copyFailed;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }
  function cliEl(cli) {
    var wrap = h('div', 'cli'), code = h('code', '', cli), status = h('span', 'copy-status'), button = h('button', 'copy plain', T.copy);
    button.type = 'button';
    status.setAttribute('role', 'status');
    button.addEventListener('click', function (ev) { ev.stopPropagation(); copy(cli, code, status); });
    return add(wrap, add(h('pre'), code), button, status);
  }
  function detailEl(j) {
    var f = L.decode(j), c = L.checkOf(j), fix = L.fix(j);
    var tr = h('tr', 'detail'), td = h('td'), box = h('div', 'detail-box'), main = h('div', 'detail-main'), side = h('div', 'detail-side');
    td.colSpan = 5;
    if (f.muted) add(box, h('p', 'mute-note', L.fill(T.mutedBecause, { reason: f.muteReason || '-' })));
    add(main, h('h4', '', T.risk), h('p', 'risk', c ? c.risk : ''));
    if (fix) {
      add(main, h('h4', '', f.remediation ? T.fix : T.fixReference), h('p', 'fix-summary', fix.summary), stepsEl(fix.steps));
      if (fix.cli) add(main, h('h4', '', T.command), cliEl(fix.cli));
    }
    add(side, h('h4', '', T.evidence), dl([
      [T.partSource, evidenceSource(f.evidence.source)],
      [T.observedAt, when(f.evidence.observedAt)],
      [T.action, f.evidence.action],
      [T.parts, f.evidence.parts.join(', ')]
    ]));
    add(side, h('h4', '', T.compliance), complianceEl(f.compliance));
    add(side, h('h4', '', T.resource), dl([[T.findingId, f.id], [T.arn, f.resource.arn], [T.resourceType, f.resource.type], [T.region, f.region], [T.account, f.accountId]]));
    add(tr, add(td, add(box, main, side)));
    return tr;
  }
  function toggle(tr) {
    var j = Number(tr.getAttribute('data-i')), next = tr.nextElementSibling;
    if (expanded.has(j)) {
      expanded.delete(j);
      if (next && next.classList.contains('detail')) next.remove();
      tr.setAttribute('aria-expanded', 'false');
    } else {
      expanded.add(j);
      tr.after(detailEl(j));
      tr.setAttribute('aria-expanded', 'true');
    }
  }
  tbody.addEventListener('click', function (ev) {
    var tr = ev.target.closest('tr.finding');
    if (tr) toggle(tr);
  });
  tbody.addEventListener('keydown', function (ev) {
    if ((ev.key === 'Enter' || ev.key === ' ') && ev.target.classList && ev.target.classList.contains('finding')) {
      ev.preventDefault();
      toggle(ev.target);
    }
  });

  function render() {
    var total = filtered.length, pages = Math.max(1, Math.ceil(total / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var from = state.page * PAGE, to = Math.min(total, from + PAGE), frag = document.createDocumentFragment();
    for (var k = from; k < to; k++) {
      var j = filtered[k];
      frag.appendChild(rowEl(j));
      if (expanded.has(j)) frag.appendChild(detailEl(j));
    }
    if (total === 0) { var none = h('tr', 'none'), td = h('td', '', T.noMatch); td.colSpan = 5; frag.appendChild(add(none, td)); }
    tbody.textContent = '';
    tbody.appendChild(frag);
    $('result-count').textContent = L.fill(T.shown, { from: num(total ? from + 1 : 0), to: num(to), count: num(total), total: num(N) });
    $('page-info').textContent = L.fill(T.page, { page: num(state.page + 1), pages: num(pages) });
    $('page-prev').disabled = state.page === 0;
    $('page-next').disabled = state.page >= pages - 1;
  }

  // Filters.
  function checked(name, flags) {
    document.querySelectorAll('input[name=' + name + ']').forEach(function (box) {
      box.addEventListener('change', function () { flags[Number(box.value)] = box.checked; refilter(); });
    });
  }
  checked('severity', sevOn);
  checked('status', stOn);
  var checkSelect = $('filter-check'), resourceInput = $('filter-resource'), searchInput = $('filter-search'), mutedBox = $('filter-muted');
  function setCheck(id) { checkSelect.value = id; state.check = id ? D.c.indexOf(id) : -1; }
  checkSelect.addEventListener('change', function () { setCheck(checkSelect.value); refilter(); });
  mutedBox.addEventListener('change', function () { state.muted = mutedBox.checked; refilter(); });
  var timer = 0;
  function readText() {
    state.resource = resourceInput.value.trim().toLowerCase();
    state.words = searchInput.value.toLowerCase().split(/\s+/).filter(Boolean);
    refilter();
  }
  function later() { clearTimeout(timer); timer = setTimeout(readText, 120); }
  resourceInput.addEventListener('input', later);
  searchInput.addEventListener('input', later);
  $('filter-reset').addEventListener('click', function () {
    document.querySelectorAll('input[name=severity],input[name=status]').forEach(function (box) { box.checked = true; });
    sevOn.fill(true);
    stOn.fill(true);
    setCheck('');
    resourceInput.value = ''; searchInput.value = ''; mutedBox.checked = true;
    state.muted = true;
    readText();
  });

  // Sorting.
  var heads = document.querySelectorAll('table.findings th[data-sort]');
  function showSort() {
    heads.forEach(function (th) { th.setAttribute('aria-sort', th.getAttribute('data-sort') === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none'); });
  }
  heads.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      if (state.sort === key) state.dir = -state.dir; else { state.sort = key; state.dir = 1; }
      showSort();
      refilter();
    });
  });
  showSort();

  // Paging.
  function go(delta) { state.page += delta; render(); $('findings-table').scrollIntoView({ block: 'start' }); }
  $('page-prev').addEventListener('click', function () { go(-1); });
  $('page-next').addEventListener('click', function () { go(1); });

  // Tabs.
  var tabs = document.querySelectorAll('nav.tabs [role=tab]');
  function showTab(name) {
    tabs.forEach(function (tab) {
      var on = tab.getAttribute('data-tab') === name;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      $('panel-' + tab.getAttribute('data-tab')).hidden = !on;
    });
  }
  tabs.forEach(function (tab) {
    tab.addEventListener('click', function () { showTab(tab.getAttribute('data-tab')); });
    tab.addEventListener('keydown', function (ev) {
      if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
      var list = Array.prototype.slice.call(tabs), at = list.indexOf(tab), next = list[(at + (ev.key === 'ArrowRight' ? 1 : list.length - 1)) % list.length];
      showTab(next.getAttribute('data-tab'));
      next.focus();
    });
  });
  showTab('findings');
  document.querySelectorAll('button.check-link').forEach(function (button) {
    button.addEventListener('click', function () {
      setCheck(button.getAttribute('data-check'));
      showTab('findings');
      refilter();
      $('panel-findings').scrollIntoView({ block: 'start' });
    });
  });

  // Print: every FAIL, ERROR and MANUAL finding grouped by check, with its fix, in place of the
  // interactive table (which shows one page of rows at a time).
  var printed = false;
  function buildPrint() {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
    if (printed) return;
    printed = true;
    var box = $('print-findings'), groups = new Map();
    base.forEach(function (j) {
      if (!ACTIONABLE[D.st[F[j][2]]]) return;
      var list = groups.get(F[j][1]);
      if (!list) groups.set(F[j][1], (list = []));
      list.push(j);
    });
    add(box, h('h2', '', T.printHeading), h('p', 'note', groups.size ? T.printIntro : T.printNone));
    groups.forEach(function (list) {
      var first = list[0], r = F[first], c = L.checkOf(first), section = h('section', 'print-check'), head = h('header');
      add(head, h('h3', '', D.c[r[1]] + ' \u2014 ' + L.title(first)), add(h('p'), h('span', 'badge sev-' + D.sv[r[3]], D.vl[r[3]])));
      add(section, head);
      if (c) add(section, h('p', 'risk', c.risk));
      var fix = list.length === 1 ? L.fix(first) : null;
      if (!fix && c) {
        var v = L.vars(first);
        v.resourceName = T.anyResource; v.resourceArn = T.anyResourceArn; v.region = T.anyRegion;
        fix = { summary: L.fill(c.fixSummary, v), steps: c.fixSteps.map(function (s) { return L.fill(s, v); }) };
      }
      if (fix) add(section, h('h4', '', T.fix), h('p', '', fix.summary), stepsEl(fix.steps));
      var table = h('table'), body = h('tbody');
      add(table, add(h('thead'), add(h('tr'), h('th', '', T.colStatus), h('th', '', T.resource), h('th', '', T.colMessage), h('th', '', T.command))), body);
      list.forEach(function (j) {
        var rem = L.remediation(j), status = add(h('td'), h('span', 'badge st-' + D.st[F[j][2]], D.sl[F[j][2]]));
        if (L.muted(j)) add(status, h('div', 'sub', L.fill(T.mutedBecause, { reason: L.muteReason(j) || '-' })));
        add(body, add(h('tr'), status, h('td', '', F[j][7]), h('td', '', L.message(j)), add(h('td'), rem && rem.cli ? add(h('pre'), h('code', '', rem.cli)) : null)));
      });
      add(box, add(section, table));
    });
  }
  window.addEventListener('beforeprint', buildPrint);
  if (window.matchMedia) {
    var mq = window.matchMedia('print');
    if (mq.addEventListener) mq.addEventListener('change', function (ev) { if (ev.matches) buildPrint(); });
  }

  render();
  root.setAttribute('data-ready', 'true');
  window.lockdownReport = { readyAt: performance.now(), findings: N, decode: L.decode, buildPrint: buildPrint };
})();
`;
