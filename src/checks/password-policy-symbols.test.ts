import { checkTester } from '../../test/check-tester.js';
import { flagTable } from './lib/password-policy-cases.test.js';
import { passwordPolicySymbols } from './password-policy-symbols.js';

checkTester.run(passwordPolicySymbols, flagTable('requireSymbols'));
