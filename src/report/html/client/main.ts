import type { PageData } from '../data.js';
import { decoder } from './decode.js';
import { $ } from './dom.js';
import { explorer } from './explorer.js';
import { printView } from './print.js';
import { scopeFilter } from './scope.js';
import { tabs } from './tabs.js';

// The HTML report's page script: bundled by esbuild into one inline script (scripts/build-client.ts),
// with no framework and no network. It reads the data block, runs the explorer, the tabs and the
// print view, and marks the page ready for the browser tests.

const root = document.documentElement;
root.classList.add('js');
const D = JSON.parse($('lockdown-data').textContent ?? '{}') as PageData;
const L = decoder(D);
const findings = explorer(D, L);
const showTab = tabs();
showTab('findings');
document.querySelectorAll<HTMLElement>('button.check-link').forEach((button) => {
  button.addEventListener('click', () => {
    showTab('findings');
    findings.showCheck(button.getAttribute('data-check') ?? '');
    $('panel-findings').scrollIntoView({ block: 'start' });
  });
});

scopeFilter(D, findings, () => {
  showTab('findings');
  $('panel-findings').scrollIntoView({ block: 'start' });
});

const buildPrint = printView(D, L, findings.base);
window.addEventListener('beforeprint', buildPrint);
window.matchMedia?.('print').addEventListener?.('change', (ev) => {
  if (ev.matches) buildPrint();
});

findings.render();
root.setAttribute('data-ready', 'true');
(window as unknown as { lockdownReport: unknown }).lockdownReport = { readyAt: performance.now(), findings: D.f.length, decode: L.decode, buildPrint };
