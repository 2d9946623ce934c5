import { checkTester } from '../../test/check-tester.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { ACCOUNT_ID, daysAgo, evidence, failed, ok } from '../../test/builders/evidence.js';
import { serverCertificatesExpired } from './server-certificates-expired.js';

const cert = (name: string, expiration: string) => ({ name, arn: `arn:aws:iam::${ACCOUNT_ID}:server-certificate/${name}`, expiration, uploadDate: daysAgo(800) });

checkTester.run(serverCertificatesExpired, withStructuredParams(serverCertificatesExpired, {
  pass: [
    { name: 'certificate valid for months', ev: evidence(), messageId: 'valid', params: { date: { date: '2027-06-01' } } },
    {
      name: 'certificate expires later today',
      ev: evidence({ parts: { serverCertificates: ok([cert('api-example-com', '2026-11-20T23:59:59Z')]) } }),
      messageId: 'valid',
      params: { date: { date: '2026-11-20' } },
    },
  ],
  fail: [
    {
      name: 'certificate expired a month ago',
      ev: evidence({ parts: { serverCertificates: ok([cert('old-example-com', '2026-10-21T00:00:00Z'), cert('www-example-com', '2027-06-01T00:00:00Z')]) } }),
      resource: 'old-example-com',
      messageId: 'expired',
      params: { date: { date: '2026-10-21' }, days: 30 },
    },
    {
      name: 'certificate expired an hour ago',
      ev: evidence({ parts: { serverCertificates: ok([cert('legacy', '2026-11-20T09:00:00Z')]) } }),
      messageId: 'expired',
      params: { date: { date: '2026-11-20' }, days: 0 },
    },
  ],
  error: [
    {
      name: 'listing denied',
      ev: evidence({ parts: { serverCertificates: failed('AccessDenied', 'iam:ListServerCertificates') } }),
      params: { code: 'AccessDenied', action: 'iam:ListServerCertificates' },
    },
  ],
  notApplicable: [{ name: 'no server certificates', ev: evidence({ parts: { serverCertificates: ok([]) } }), messageId: 'engine.noResources' }],
}));
