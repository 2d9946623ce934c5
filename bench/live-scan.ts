// bench/live-scan: a live scan against the fake AWS endpoint at 30 ms per call, for accounts of
// 10, 1,000 and 5,000 users. Prints wall time, AWS calls and peak memory per size. Targets
// (issue 3): calls grow only with pagination (≤ 40 at 5,000 users, where per-user scanners make
// ≥ 4 calls per user) and a 5,000-user account scans in under 3 s.
//   npm run bench:live     (or: node --import tsx bench/live-scan.ts [sizes…])
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws } from '../test/fake-aws/server.js';
import { scaledScenario } from '../test/fake-aws/scenarios.js';

const LATENCY_MS = 30;
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const dir = mkdtempSync(join(tmpdir(), 'lockdown-live-bench-'));
writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIDBENCH\naws_secret_access_key = bench\n');
writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n');
// The scan runs in a child process that reports its own peak RSS; the fake's memory stays here.
writeFileSync(join(dir, 'peak.cjs'), "process.on('exit', () => process.stderr.write('\\nLOCKDOWN_PEAK_RSS=' + process.resourceUsage().maxRSS + '\\n'));\n");

console.log(`bench/live-scan: fake AWS at ${LATENCY_MS} ms per call; the scan runs in its own process (the built CLI)`);
console.log('  users   wall ms   AWS calls   peak RSS MB   findings   (a per-user scanner: ≥ 4 calls per user)');
for (const users of sizes.length ? sizes : [10, 1000, 5000]) {
  const fake = await startFakeAws(scaledScenario(users), { latencyMs: LATENCY_MS });
  const out = join(dir, `result-${users}.json`);
  const started = performance.now();
  const run = await runCli(['--require', join(dir, 'peak.cjs'), 'bin/lockdown.js', 'scan', '--endpoint-url', fake.url, '--format', 'json', '--output', out, '--quiet']);
  const wall = performance.now() - started;
  await fake.close();
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  const peak = Number(/LOCKDOWN_PEAK_RSS=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
  const findings = (JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[] }).findings.length;
  console.log(`  ${String(users).padStart(5)}   ${wall.toFixed(0).padStart(7)}   ${String(fake.calls.length).padStart(9)}   ${peak.toFixed(0).padStart(11)}   ${String(findings).padStart(8)}   (≥ ${4 * users})`);
}
rmSync(dir, { recursive: true, force: true });

// Asynchronous on purpose: the fake answers from this process while the scan runs.
function runCli(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH, HOME: dir, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config'), AWS_EC2_METADATA_DISABLED: 'true' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}
