import { awsConfigRules } from './aws-config-rules.js';
import { awsSecurityHub } from './aws-securityhub.js';
import { cisAwsV300 } from './cis-aws-foundations-v3.0.0.js';
import { cisAwsV500 } from './cis-aws-foundations-v5.0.0.js';
import type { Framework } from './framework.js';

export const FRAMEWORKS: readonly Framework[] = [cisAwsV500, cisAwsV300, awsSecurityHub, awsConfigRules];

// Checks no framework names, and why; the registry meta-test accepts a check only with a mapping
// or an entry here.
export const UNMAPPED: Record<string, string> = {
  'root-signing-certificates': 'No CIS item or Security Hub control covers root X.509 signing certificates; AWS root-user best practice does.',
  'root-email-domain': 'No framework item; AWS guidance asks for a company-owned root mailbox so that account recovery stays in company hands.',
  'root-password-rotation': 'No framework item; IAM does not expose root password age, so the check is a manual reminder.',
  'password-policy-allow-change': 'No framework item; letting users rotate their own passwords is a prerequisite of every rotation requirement.',
  'user-admin-mfa': 'No framework item singles out administrators; CIS 1.9/1.10 and IAM.5 cover console users only, and admins with keys only slip through them.',
  'org-member-root-credentials':
    'No framework item: CIS 5.0 1.3/1.4 and Security Hub IAM.4/IAM.9 judge the root user of the account scanned (root-access-keys, root-mfa do that in every member); none asks that member root credentials be removed under centralized root access.',
  'org-root-user-scp': 'No CIS item or Security Hub control asks for an SCP that denies the root user of member accounts; AWS publishes it as an example SCP for privileged access.',
};

/** checkId → { frameworkId: [requirement ids] }, following aliases through `resolve` (former id → current id). */
export function complianceIndex(frameworks: readonly Framework[] = FRAMEWORKS, resolve: (checkId: string) => string = (id) => id): Map<string, Record<string, string[]>> {
  const index = new Map<string, Record<string, string[]>>();
  for (const framework of frameworks) {
    for (const requirement of framework.requirements) {
      for (const named of requirement.checks) {
        const checkId = resolve(named);
        const entry = index.get(checkId) ?? {};
        (entry[framework.id] ??= []).push(requirement.id);
        index.set(checkId, entry);
      }
    }
  }
  return index;
}
