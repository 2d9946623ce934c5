import { checkTester } from '../../test/check-tester.js';
import { flagTable } from '../../test/builders/password-policy-cases.js';
import { passwordPolicyAllowChange } from './password-policy-allow-change.js';

checkTester.run(passwordPolicyAllowChange, flagTable('allowUsersToChangePassword', 'allowed', 'notAllowed'));
