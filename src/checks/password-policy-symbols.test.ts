import { checkTester } from '../../test/check-tester.js';
import { flagTable } from '../../test/builders/password-policy-cases.js';
import { passwordPolicySymbols } from './password-policy-symbols.js';

checkTester.run(passwordPolicySymbols, flagTable('requireSymbols'));
