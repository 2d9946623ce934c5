import { checkTester } from '../../test/check-tester.js';
import { flagTable } from '../../test/builders/password-policy-cases.js';
import { passwordPolicyUppercase } from './password-policy-uppercase.js';

checkTester.run(passwordPolicyUppercase, flagTable('requireUppercaseCharacters'));
