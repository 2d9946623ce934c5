import { checkTester } from '../../test/check-tester.js';
import { flagTable } from './lib/password-policy-cases.test.js';
import { passwordPolicyNumbers } from './password-policy-numbers.js';

checkTester.run(passwordPolicyNumbers, flagTable('requireNumbers'));
