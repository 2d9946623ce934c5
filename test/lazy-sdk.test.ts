import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { hardenedScenario } from './fake-aws/scenarios.js';
import { startFakeAws } from './fake-aws/server.js';
import { liveEnv } from './live-env.js';

// Start-up stays instant because only a live scan loads the AWS SDK (src/collect/live.ts is
// imported dynamically). The built CLI runs with a module-resolution hook that logs every module
// it loads; a live scan proves the hook sees the SDK when it does load.

const BIN = new URL('../bin/lockdown.js', import.meta.url).pathname;
const { home, env } = liveEnv('lazy-sdk', { credentials: '[default]\naws_access_key_id = AKIDFAKE\naws_secret_access_key = fake\n' });
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.LOCKDOWN_MODULE_LOG, resolved.url + '\\n');
  return resolved;
}`)}));`)}`;

let runs = 0;
/** The modules the CLI loaded (URLs), after checking it exited 0. */
function modulesLoaded(args: string[], extra: Record<string, string> = {}): Promise<string[]> {
  const log = join(home, `modules-${runs++}.log`);
  writeFileSync(log, '');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', HOOK, BIN, ...args], { cwd: home, env: { PATH: process.env.PATH ?? '', HOME: home, ...env, ...extra, LOCKDOWN_MODULE_LOG: log } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`lockdown ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve(readFileSync(log, 'utf8').split('\n').filter(Boolean));
    });
  });
}

const sdk = (modules: string[]) => modules.filter((url) => /\/node_modules\/@aws-sdk\//.test(url));

describe('the AWS SDK loads only for a live scan', () => {
  const offline: [string, string[]][] = [
    ['--version', ['--version']],
    ['checks', ['checks']],
    ['explain', ['explain', 'root-mfa']],
    ['policy', ['policy']],
    ['evidence commands', ['evidence', 'commands']],
    ['an offline scan (--demo)', ['scan', '--demo', '--format', 'json', '--output', 'demo.json']],
  ];
  for (const [name, args] of offline) {
    it(`${name} loads no @aws-sdk module`, async () => {
      const modules = await modulesLoaded(args);
      assert.ok(modules.length > 10, 'the hook saw the CLI load its modules');
      assert.deepEqual(sdk(modules), []);
    });
  }

  const fake = startFakeAws(hardenedScenario());
  after(async () => (await fake).close());

  it('a live scan does load it (the hook would see it)', async () => {
    const modules = await modulesLoaded(['scan', '--endpoint-url', (await fake).url, '--region', 'us-east-1', '--format', 'json', '--output', 'live.json']);
    assert.ok(sdk(modules).some((url) => url.includes('@aws-sdk/client-iam')), 'client-iam loaded');
    assert.ok(!modules.some((url) => url.includes('@aws-sdk/client-ec2')), 'regions come from account:ListRegions, not EC2');
  });
});
