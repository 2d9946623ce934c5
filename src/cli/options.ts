import { globMatch, isGlob } from '../config/glob.js';
import type { Check } from '../engine/check.js';
import { LANGS, SEVERITIES, STATUSES, type Lang, type Severity, type Status } from '../engine/types.js';
import { InputError } from '../errors.js';
import { localeLang, msg } from '../i18n/index.js';

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (value !== undefined) {
    if (!LANGS.includes(value as Lang)) throw new InputError(msg('notOneOf', { flag: '--lang', value, allowed: LANGS.join(', ') }));
    return value as Lang;
  }
  return localeLang(env);
}

export function parseSeverity(flag: string, value: string): Severity {
  const v = value.toLowerCase();
  if (!SEVERITIES.includes(v as Severity)) throw new InputError(msg('notOneOf', { flag, value, allowed: SEVERITIES.join(', ') }));
  return v as Severity;
}

export function parseStatuses(flag: string, value: string): Status[] {
  return list(value).map((v) => {
    const s = v.toUpperCase().replace(/^N\/A$/, 'NOT_APPLICABLE');
    if (!STATUSES.includes(s as Status)) throw new InputError(msg('notOneOf', { flag, value: v, allowed: STATUSES.join(', ') }));
    return s as Status;
  });
}

/** Check ids, aliases or globs → the ids they name; one that names nothing is an error. */
export function selectChecks(flag: string, value: string, checks: readonly Check[]): Set<string> {
  const selected = new Set<string>();
  for (const item of list(value)) {
    const hits = checks.filter((c) => (isGlob(item) ? globMatch(item, c.id) : c.id === item || c.aliases?.includes(item)));
    if (hits.length === 0) throw new InputError(msg('unknownCheck', { flag, id: item }));
    for (const c of hits) selected.add(c.id);
  }
  if (selected.size === 0) throw new InputError(msg('namesNoCheck', { flag }));
  return selected;
}

/** A flag that names something (a region, a profile) given as '' would silently fall back to a default. */
export function requireValue(flag: string, value: string | undefined): void {
  if (value !== undefined && value.trim() === '') throw new InputError(msg('emptyValue', { flag }));
}
