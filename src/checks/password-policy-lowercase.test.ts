import { checkTester } from '../../test/check-tester.js';
import { flagTable } from '../../test/builders/password-policy-cases.js';
import { passwordPolicyLowercase } from './password-policy-lowercase.js';

checkTester.run(passwordPolicyLowercase, flagTable('requireLowercaseCharacters'));
