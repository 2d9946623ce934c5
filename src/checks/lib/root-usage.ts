import type { CredentialRow } from '../../evidence/schema.js';
import { term, type Term } from '../../i18n/index.js';
import { isDate } from './report.js';

/** "password", "access key 1" or "access key 2", in either language. */
export type RootCredential = Term;

/**
 * The latest use of any root credential in the report row. `N/A`, `no_information` and
 * `not_supported` mean "not used" (SPEC §3 root-recent-use), so only real dates count.
 */
export function lastRootUse(row: CredentialRow): { at: Date; credential: RootCredential } | undefined {
  const uses: [RootCredential, CredentialRow['passwordLastUsed']][] = [
    [term('password'), row.passwordLastUsed],
    [term('accessKey', { n: 1 }), row.accessKeys[0].lastUsed],
    [term('accessKey', { n: 2 }), row.accessKeys[1].lastUsed],
  ];
  let latest: { at: Date; credential: RootCredential } | undefined;
  for (const [credential, t] of uses) {
    if (isDate(t) && (!latest || t.getTime() > latest.at.getTime())) latest = { at: t, credential };
  }
  return latest;
}

// Consumer mailbox providers: a root address there belongs to a person, not to the company, and
// leaves account recovery with whoever controls that mailbox. Matched exactly: a company domain
// that happens to end in one of these (mail.example.com) is not free mail.
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com',
  'outlook.com', 'hotmail.com', 'live.com', 'msn.com',
  'yahoo.com', 'ymail.com',
  'icloud.com', 'me.com', 'mac.com',
  'aol.com',
  'gmx.com', 'gmx.de', 'gmx.net', 'web.de',
  'proton.me', 'protonmail.com', 'pm.me',
  'mail.com', 'zoho.com',
  'yandex.com', 'yandex.ru', 'mail.ru',
  'qq.com', '163.com', '126.com',
  'hey.com', 'fastmail.com', 'tutanota.com', 'tuta.io',
  'hotmail.nl', 'live.nl', 'ziggo.nl', 'kpnmail.nl', 'planet.nl', 'hetnet.nl', 'home.nl', 'xs4all.nl',
  'telenet.be', 'skynet.be',
  'orange.fr', 'free.fr', 'laposte.net',
  't-online.de', 'libero.it', 'seznam.cz', 'wp.pl', 'o2.pl',
]);

/** The lower-cased domain of an e-mail address, or undefined when it has none. */
export function emailDomain(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const domain = address.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : undefined;
}

/** The company domain that `domain` equals or is a subdomain of. */
export function matchingCompanyDomain(domain: string, companyDomains: readonly string[]): string | undefined {
  return companyDomains.find((d) => {
    const company = d.toLowerCase();
    return domain === company || domain.endsWith(`.${company}`);
  });
}
