import { defineCheck } from '../engine/check.js';
import { isInconsistent } from '../evidence/consistency-problem.js';
import { list } from '../i18n/index.js';
import { onRoot } from './lib/root.js';
import { emailDomain, FREE_MAIL_DOMAINS, matchingCompanyDomain } from './lib/root-usage.js';
import { text } from './root-email-domain.text.js';

export const rootEmailDomain = defineCheck({
  id: 'root-email-domain',
  severity: 'medium',
  ...onRoot,
  text,
  evaluate(ev, ctx) {
    const root = ctx.resources.root();
    // The config file wins: it is how an auditor supplies the address when no API may tell it.
    const configured = ctx.config.account.email;
    if (configured !== undefined) ctx.fromConfig('account.email');
    const part = ev.parts.accountEmail;
    // An address that was read but contradicts another answer is not "unknown" (MANUAL): ERROR with why.
    if (configured === undefined && !part.ok && isInconsistent(part.error)) ctx.need(part);
    // The config supplies what no API told; when AWS tells an address too, it confirms the config
    // (and is evidence of the verdict) or contradicts it, and then neither is picked.
    const read = configured !== undefined && part.ok && part.data ? ctx.get(part) : undefined;
    if (configured !== undefined && read && read.email.toLowerCase() !== configured.toLowerCase()) {
      return [ctx.error(root, 'emailContradicts', { configDomain: emailDomain(configured) ?? '?', apiDomain: emailDomain(read.email) ?? '?', via: read.via })];
    }
    const address = configured ?? ctx.get(part)?.email;
    // Outside an organisation no read-only API the scan may call returns the root address (SPEC §3).
    if (address === undefined) return [ctx.manual(root, 'emailUnknown')];
    const domain = emailDomain(address);
    // The address itself never goes into a finding: findings are shared more widely than the config.
    if (domain === undefined) return [ctx.error(root, 'emailMalformed')];

    if (FREE_MAIL_DOMAINS.has(domain)) return [ctx.fail(root, 'freeMail', { domain })];
    const companyDomains = ctx.config.account.companyDomains;
    if (companyDomains === undefined || companyDomains.length === 0) return [ctx.pass(root, 'notFreeMail', { domain })];
    ctx.fromConfig('account.companyDomains');
    const match = matchingCompanyDomain(domain, companyDomains);
    if (match === undefined) return [ctx.fail(root, 'outsideCompany', { domain, companyDomains: list(companyDomains) })];
    return [ctx.pass(root, 'companyDomain', { domain, companyDomain: match })];
  },
});
