import { checkTester } from '../../test/check-tester.js';
import { list } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { evidence, failed, ok } from '../../test/builders/evidence.js';
import { rootEmailDomain } from './root-email-domain.js';

const email = (address: string, via = 'organizations:DescribeAccount') => evidence({ parts: { accountEmail: ok({ email: address, via }) } });
const company = { account: { companyDomains: ['example.com', 'example.nl'] } };

checkTester.run(rootEmailDomain, withStructuredParams(rootEmailDomain, {
  pass: [
    { name: 'company address, no company domains configured', ev: evidence(), messageId: 'notFreeMail', params: { domain: 'example.com' } },
    { name: 'address on a configured company domain', ev: evidence(), config: company, messageId: 'companyDomain', params: { domain: 'example.com', companyDomain: 'example.com' } },
    { name: 'subdomain of a company domain, mixed case', ev: email('AWS-Root@Cloud.Example.NL'), config: company, messageId: 'companyDomain', params: { domain: 'cloud.example.nl', companyDomain: 'example.nl' } },
    { name: 'company domain that merely ends in a free-mail name', ev: email('aws@mail.gmail.com.example.com'), messageId: 'notFreeMail' },
    {
      name: 'address from the config when no API tells it',
      ev: evidence({ parts: { accountEmail: ok(null) } }),
      config: { account: { email: 'aws-root@example.nl', companyDomains: ['example.nl'] } },
      messageId: 'companyDomain',
    },
  ],
  fail: [
    { name: 'gmail address', ev: email('jan.devries@gmail.com'), messageId: 'freeMail', params: { domain: 'gmail.com' } },
    { name: 'Dutch ISP mailbox, upper case', ev: email('J.Jansen@ZIGGO.NL', 'account:GetPrimaryEmail'), messageId: 'freeMail', params: { domain: 'ziggo.nl' } },
    { name: 'free mail even when it is listed as a company domain', ev: email('it@outlook.com'), config: { account: { companyDomains: ['outlook.com'] } }, messageId: 'freeMail' },
    { name: 'address outside the company domains', ev: email('aws@old-agency.io'), config: company, messageId: 'outsideCompany', params: { domain: 'old-agency.io', companyDomains: list(['example.com', 'example.nl']) } },
    { name: 'look-alike domain is not a subdomain', ev: email('aws@notexample.com'), config: company, messageId: 'outsideCompany', params: { domain: 'notexample.com' } },
    { name: 'config address when no API tells it', ev: evidence({ parts: { accountEmail: ok(null) } }), config: { account: { email: 'founder@protonmail.com' } }, messageId: 'freeMail', params: { domain: 'protonmail.com' } },
    { name: 'config address that AWS confirms (case aside)', ev: email('Founder@ProtonMail.com'), config: { account: { email: 'founder@protonmail.com' } }, messageId: 'freeMail', params: { domain: 'protonmail.com' } },
  ],
  error: [
    { name: 'address without a domain', ev: email('aws-root'), messageId: 'emailMalformed' },
    {
      name: 'config names a company address, AWS a free-mail one: neither is picked',
      ev: email('founder@gmail.com', 'account:GetPrimaryEmail'),
      config: { account: { email: 'aws-root@example.com' } },
      messageId: 'emailContradicts',
      params: { configDomain: 'example.com', apiDomain: 'gmail.com', via: 'account:GetPrimaryEmail' },
    },
  ],
  manual: [
    { name: 'no API told the address (standalone account)', ev: evidence({ parts: { accountEmail: ok(null) } }), messageId: 'emailUnknown' },
    { name: 'DescribeAccount denied', ev: evidence({ parts: { accountEmail: failed('AccessDenied', 'organizations:DescribeAccount') } }), messageId: 'emailUnknown' },
    { name: 'e-mail part missing from a CLI export', ev: evidence({ parts: { accountEmail: undefined } }), config: company, messageId: 'emailUnknown' },
  ],
}));
