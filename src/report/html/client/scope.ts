import { fill } from '../fill.js';
import type { PageData } from '../data.js';
import { $ } from './dom.js';
import type { Explorer } from './explorer.js';

// The account and OU filter of a many-account report (sections/accounts.ts): hides the rows of the
// accounts, not-assessed and matrix tables outside the chosen scope, and narrows the findings
// explorer to the same accounts. Each row names its account and the OUs above it (data-account,
// data-ous), so an OU includes its sub-OUs without any tree walking here.

export function scopeFilter(D: PageData, findings: Explorer, showFindings: () => void): void {
  const accountSelect = document.getElementById('filter-account') as HTMLSelectElement | null;
  if (!accountSelect) return;
  const ouSelect = document.getElementById('filter-ou') as HTMLSelectElement | null;
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('#accounts tr[data-account]')];
  const ousOf = new Map<string, string[]>();
  for (const tr of rows) ousOf.set(tr.getAttribute('data-account') as string, (tr.getAttribute('data-ous') ?? '').split(' ').filter(Boolean));
  const total = document.querySelectorAll('#account-table tbody tr, #not-assessed tbody tr').length;

  function apply(): void {
    const account = accountSelect?.value ?? '';
    const ou = ouSelect?.value ?? '';
    const inScope = (id: string) => (account === '' || id === account) && (ou === '' || (ousOf.get(id) ?? []).includes(ou));
    let shown = 0;
    for (const tr of rows) {
      const on = inScope(tr.getAttribute('data-account') as string);
      tr.hidden = !on;
      if (on && tr.closest('#account-table, #not-assessed')) shown++;
    }
    $('accounts-shown').textContent = fill(D.t.accountsShown, { shown, total });
    findings.setScope(account === '' && ou === '' ? null : inScope);
  }
  // One account is narrower than any OU: choosing one clears the other, so the two never cancel out.
  accountSelect.addEventListener('change', () => {
    if (ouSelect && accountSelect.value) ouSelect.value = '';
    apply();
  });
  ouSelect?.addEventListener('change', () => {
    if (ouSelect.value) accountSelect.value = '';
    apply();
  });
  document.querySelectorAll<HTMLElement>('button.account-link').forEach((button) => {
    button.addEventListener('click', () => {
      accountSelect.value = button.getAttribute('data-account') ?? '';
      if (ouSelect) ouSelect.value = '';
      apply();
      showFindings();
    });
  });
  $('accounts-shown').textContent = fill(D.t.accountsShown, { shown: total, total });
}
