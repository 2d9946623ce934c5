import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The shared files the SDK reads profiles from, as it finds them (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE). */
export function profileFiles(env: NodeJS.ProcessEnv): { config: string; credentials: string } {
  const home = env.HOME ?? homedir();
  return { config: env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'), credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials') };
}

/**
 * Whether a profile of that name exists: `[profile name]` (or `[default]`) in the config file,
 * `[name]` in the credentials file. The SDK's chain only says "Could not load credentials from
 * any providers" for a mistyped --profile; this tells the two apart (issue 11 item 15).
 */
export function profileExists(name: string, env: NodeJS.ProcessEnv): boolean {
  const files = profileFiles(env);
  const sections = (path: string) => {
    try {
      return [...readFileSync(path, 'utf8').matchAll(/^\s*\[([^\]\r\n]+)\]/gm)].map((m) => (m[1] ?? '').trim().replace(/\s+/g, ' '));
    } catch {
      return [];
    }
  };
  return sections(files.config).some((s) => s === `profile ${name}` || (name === 'default' && s === 'default')) || sections(files.credentials).includes(name);
}
