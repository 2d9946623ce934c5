import { checkTester } from '../../test/check-tester.js';
import { evidence, failed } from '../../test/builders/evidence.js';
import { PART_NAMES, type PartName } from '../evidence/schema.js';
import { accountSecurityQuestions } from './account-security-questions.js';

const nothingReadable = Object.fromEntries(PART_NAMES.map((n) => [n, failed('AccessDenied', 'iam:Get')])) as Record<PartName, ReturnType<typeof failed>>;

checkTester.run(
  accountSecurityQuestions,
  {
    notApplicable: [
      { name: 'hardened account', ev: evidence(), messageId: 'retired' },
      { name: 'every evidence part denied', ev: evidence({ parts: nothingReadable }), messageId: 'retired' },
      { name: 'GovCloud account without root credentials', ev: evidence({ partition: 'aws-us-gov', root: null }), messageId: 'retired' },
    ],
  },
  { constant: 'AWS retired security challenge questions; no evidence can make this check pass, fail or error.' },
);
