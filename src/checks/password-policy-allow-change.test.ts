import { checkTester } from '../../test/check-tester.js';
import { flagTable } from './lib/password-policy-cases.test.js';
import { passwordPolicyAllowChange } from './password-policy-allow-change.js';

checkTester.run(passwordPolicyAllowChange, flagTable('allowUsersToChangePassword', 'allowed', 'notAllowed'));
