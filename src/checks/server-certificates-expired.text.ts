import { defineText } from '../engine/text.js';

export const text = defineText({
  cli: 'aws iam delete-server-certificate --server-certificate-name {resourceName}',
  en: {
    title: 'No expired IAM server certificates are stored',
    risk:
      'An expired certificate that is still deployed on a load balancer or CloudFront makes browsers and clients refuse the ' +
      'connection or teaches users to click through warnings. Kept in IAM after it has been replaced, it is clutter that ' +
      'can be attached again by mistake and hides which certificates really matter.',
    fixSummary: 'Check that nothing uses the certificate any more, then delete it from IAM (and use ACM for new certificates).',
    fixSteps: [
      'Find out where {resourceName} is still used: look for its ARN {resourceArn} in the listeners of your load balancers and in CloudFront distributions.',
      'Replace it there with a current certificate, preferably one from AWS Certificate Manager, which renews automatically.',
      'IAM server certificates have no console page: delete it with the AWS CLI command below (it fails while the certificate is still in use).',
    ],
    messages: {
      expired: 'Server certificate {resourceName} expired on {date} ({days, plural, one {# day} other {# days}} ago).',
      valid: 'Server certificate {resourceName} is valid until {date}.',
    },
  },
  nl: {
    title: 'Er staan geen verlopen IAM-servercertificaten',
    risk:
      'Een verlopen certificaat dat nog op een load balancer of CloudFront staat, laat browsers en clients de verbinding ' +
      'weigeren of leert gebruikers waarschuwingen weg te klikken. Blijft het na vervanging in IAM staan, dan is het rommel ' +
      'die per ongeluk weer gekoppeld kan worden en die verbergt welke certificaten er echt toe doen.',
    fixSummary: 'Controleer dat niets het certificaat nog gebruikt en verwijder het daarna uit IAM (gebruik ACM voor nieuwe certificaten).',
    fixSteps: [
      'Zoek uit waar {resourceName} nog in gebruik is: zoek de ARN {resourceArn} in de listeners van je load balancers en in CloudFront-distributies.',
      'Vervang het daar door een geldig certificaat, bij voorkeur uit AWS Certificate Manager, dat zichzelf vernieuwt.',
      'IAM-servercertificaten hebben geen consolepagina: verwijder het met het AWS CLI-commando hieronder (dat mislukt zolang het certificaat nog in gebruik is).',
    ],
    messages: {
      expired: 'Servercertificaat {resourceName} is verlopen op {date} ({days, plural, one {# dag} other {# dagen}} geleden).',
      valid: 'Servercertificaat {resourceName} is geldig tot {date}.',
    },
  },
});
