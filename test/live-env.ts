import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What every test against the fake AWS endpoint needs: credentials in a temporary HOME, nothing
// that could reach AWS or the instance metadata service, and the built CLI run asynchronously
// (the fake answers from the test process while the CLI runs).

const BIN = new URL('../bin/lockdown.js', import.meta.url).pathname;

export interface LiveEnv {
  home: string;
  /** Also applied to this process, for collectors run in-process. */
  env: Record<string, string>;
  lockdown(args: string[], env?: Record<string, string>): Promise<Run>;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `credentials` and `config` are AWS shared-file contents (profiles with fake keys). */
export function liveEnv(name: string, files: { credentials: string; config?: string }): LiveEnv {
  const home = mkdtempSync(join(tmpdir(), `lockdown-${name}-`));
  writeFileSync(join(home, 'credentials'), files.credentials);
  writeFileSync(join(home, 'config'), files.config ?? '');
  const env = {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  Object.assign(process.env, env);
  for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_DEFAULT_REGION']) delete process.env[key];

  const lockdown = (args: string[], extra: Record<string, string> = {}): Promise<Run> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: home, env: { PATH: process.env.PATH ?? '', HOME: home, ...env, ...extra } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  return { home, env, lockdown };
}
