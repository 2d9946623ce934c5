import { defineCheck } from '../engine/check.js';
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
    const address = configured ?? ctx.get(ev.parts.accountEmail)?.email;
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
