import { z } from 'zod';
import { interpolate } from '../engine/text.js';
import type { Lang } from '../engine/types.js';
import { MESSAGES, type MessageId } from './messages.js';

// The language of the CLI's own messages. The CLI is one short-lived process that sets it once,
// from --lang or the locale, before anything else runs; reports take their language explicitly.
let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
  // zod's own validation messages ("expected boolean, received string") follow the CLI.
  z.config(lang === 'nl' ? z.locales.nl() : z.locales.en());
}

export function lang(): Lang {
  return current;
}

/** A CLI message in the current language. */
export function t(id: MessageId, params: Record<string, string | number> = {}): string {
  return interpolate(MESSAGES[current][id], params);
}

/** The language a command line asks for: `--lang x`/`--lang=x`, else the locale (LC_ALL, LC_MESSAGES, LANG). */
export function langFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.slice('--lang='.length) : argv[i + 1];
  return value === 'en' || value === 'nl' ? value : localeLang(env);
}

/** Dutch when the locale says so (LC_ALL, then LC_MESSAGES, then LANG start with nl), else English. */
export function localeLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^nl([_.-]|$)/i.test(locale) ? 'nl' : 'en';
}
