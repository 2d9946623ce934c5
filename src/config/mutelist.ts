import { z } from 'zod';
import { globProblem, isGlob } from './glob.js';
import { loadYamlFile } from './yaml-file.js';
import { messageRef, msg } from '../i18n/index.js';

const pattern = z.string().superRefine((p, ctx) => {
  const problem = globProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: messageRef(msg('badPattern', { pattern: JSON.stringify(p), problem })) });
});


// Date.parse rolls 2027-02-30 over to March 2; a real calendar date reads back unchanged.
const isCalendarDate = (s: string) => {
  const day = s.slice(0, 10);
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day && !Number.isNaN(Date.parse(s));
};

export function mutelistSchema(knownCheckIds: ReadonlySet<string>) {
  const checkPattern = pattern.superRefine((p, ctx) => {
    if (!isGlob(p) && !knownCheckIds.has(p)) ctx.addIssue({ code: 'custom', message: messageRef(msg('unknownCheckId', { id: p })) });
  });
  const rule = z.strictObject({
    checks: z.array(checkPattern).min(1, { error: () => messageRef(msg('ruleNeedsCheck')) }),
    accounts: z.array(pattern.refine((p) => isGlob(p) || /^\d{12}$/.test(p), { error: () => messageRef(msg('accountPattern')) })).min(1).optional(),
    resources: z.array(pattern).min(1).optional(),
    reason: z.string({ error: (issue) => (issue.input === undefined ? messageRef(msg('reasonRequired')) : undefined) }).trim().min(1, { error: () => messageRef(msg('reasonRequired')) }),
    owner: z.string().min(1).optional(),
    // YAML 1.2 reads 2027-01-31 as a string; a date, or a date and time with a zone.
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/, { error: () => messageRef(msg('expiresFormat')) })
      .refine(isCalendarDate, { error: () => messageRef(msg('expiresReal')) })
      .optional(),
  });
  return z.strictObject({ version: z.literal(1).optional(), rules: z.array(rule) });
}

export type Mutelist = z.output<ReturnType<typeof mutelistSchema>> & { file: string };
export type MuteRule = Mutelist['rules'][number];

export function loadMutelist(path: string, knownCheckIds: ReadonlySet<string>): Mutelist {
  return { ...loadYamlFile(path, mutelistSchema(knownCheckIds), 'mutelist'), file: path };
}
