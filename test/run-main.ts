import { main } from '../src/cli/main.js';

// The CLI in this process: main(argv, io) is all bin/lockdown.js calls, so a test can run it
// with captured output and its own environment instead of paying ~0.3 s for a process per run.
// Neither stream is a terminal, as with a spawned CLI whose output is piped.

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function runMain(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
  });
  return { code, stdout, stderr };
}
