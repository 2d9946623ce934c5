import { z } from 'zod';
import { loadYamlFile } from './yaml-file.js';
import { messageRef, msg } from '../i18n/index.js';

const days = z.number().int({ error: () => messageRef(msg('wholeDays')) }).positive({ error: () => messageRef(msg('positiveDays')) });

// Defaults are the SPEC §3 thresholds (CIS AWS Foundations values).
export const configSchema = z.strictObject({
  thresholds: z
    .strictObject({
      rootRecentUseDays: days.default(90),
      passwordMinimumLength: z.number().int({ error: () => messageRef(msg('wholeNumber')) }).min(6).max(128).default(14),
      passwordReusePrevention: z.number().int({ error: () => messageRef(msg('wholeNumber')) }).min(1).max(24).default(24),
      passwordMaxAgeDays: z.number().int({ error: () => messageRef(msg('wholeDays')) }).min(1).max(1095).default(90),
      accessKeyMaxAgeDays: days.default(90),
      unusedCredentialsDays: days.default(45),
    })
    .prefault({}),
  account: z
    .strictObject({
      /** The root e-mail address, when no API the scan may call tells it. */
      email: z.email().optional(),
      /** Domains the company owns; a root address outside them fails root-email-domain. */
      companyDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, { error: () => messageRef(msg('domainName')) })).optional(),
    })
    .prefault({}),
});

export type Config = z.output<typeof configSchema>;

export const DEFAULT_CONFIG: Config = configSchema.parse({});

export function loadConfig(path: string | undefined): Config {
  return path === undefined ? DEFAULT_CONFIG : loadYamlFile(path, configSchema, 'config');
}
