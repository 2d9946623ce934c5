import { defineCheck } from '../engine/check.js';
import { day } from '../i18n/index.js';
import { daysSince } from './lib/report.js';
import { text } from './server-certificates-expired.text.js';

export const serverCertificatesExpired = defineCheck({
  id: 'server-certificates-expired',
  severity: 'medium',
  resourceType: 'AwsIamServerCertificate',
  text,
  evaluate(ev, ctx) {
    const certificates = ctx.need(ev.parts.serverCertificates);
    return certificates.map((c) => {
      const cert = ctx.resources.serverCertificate(c.name, c.arn);
      const date = day(c.expiration);
      if (c.expiration.getTime() < ctx.now.getTime()) {
        return ctx.fail(cert, 'expired', { date, days: daysSince(c.expiration, ctx.now) });
      }
      return ctx.pass(cert, 'valid', { date });
    });
  },
});
