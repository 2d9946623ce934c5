import { checkTester } from '../../test/check-tester.js';
import { flagTable } from '../../test/builders/password-policy-cases.js';
import { passwordPolicyNumbers } from './password-policy-numbers.js';

checkTester.run(passwordPolicyNumbers, flagTable('requireNumbers'));
