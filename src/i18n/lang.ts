export type Lang = 'en' | 'nl';
export const LANGS: readonly Lang[] = ['en', 'nl'];

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
