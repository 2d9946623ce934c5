import { checkTester } from '../../test/check-tester.js';
import { flagTable } from './lib/password-policy-cases.test.js';
import { passwordPolicyLowercase } from './password-policy-lowercase.js';

checkTester.run(passwordPolicyLowercase, flagTable('requireLowercaseCharacters'));
