import { checkTester } from '../../test/check-tester.js';
import { flagTable } from './lib/password-policy-cases.test.js';
import { passwordPolicyUppercase } from './password-policy-uppercase.js';

checkTester.run(passwordPolicyUppercase, flagTable('requireUppercaseCharacters'));
