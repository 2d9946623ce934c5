import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';

// The CLI in this process: main(argv, io) is all bin/lockdown.js calls, so a test can run it
// with captured output and its own environment instead of paying ~0.3 s for a process per run.
// Neither stream is a terminal, as with a spawned CLI whose output is piped.

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Every scan is stored (issue 9): a test must never write to the user's data folder. Unless a
// test names a store itself (LOCKDOWN_DB in its env, even as undefined, or --db), its scans go to
// one throwaway store per test process, removed when the process ends.
let scratch: string | undefined;
export function scratchStore(): string {
  if (!scratch) {
    const dir = mkdtempSync(join(tmpdir(), 'lockdown-test-store-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratch = join(dir, 'store.db');
  }
  return scratch;
}

export async function runMain(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: 'LOCKDOWN_DB' in env ? env : { ...env, LOCKDOWN_DB: scratchStore() },
  });
  return { code, stdout, stderr };
}
