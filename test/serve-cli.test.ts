import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runMain } from './run-main.js';

// `lockdown serve` as a user runs it: the built CLI in its own process, its one stderr line, the
// dashboard answering, Ctrl-C (SIGINT) ending it with exit 0; bad flags and a taken port are exit 2.

const BIN = fileURLToPath(new URL('../bin/lockdown.js', import.meta.url));

describe('lockdown serve', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lockdown-serve-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('serves the dashboard until SIGINT, then exits 0; off loopback it prints a token once and enforces it', async () => {
    const db = join(dir, 'store.db');
    for (const [host, needsToken] of [['127.0.0.1', false], ['0.0.0.0', true]] as const) {
      const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', host, '--db', db], { env: { ...process.env, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8');
      const ready = new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: string) => {
          stderr += chunk;
          const url = /Dashboard on (http:\/\/\S+)/.exec(stderr)?.[1];
          if (url && (!needsToken || /token=\S+/.test(stderr))) resolve(url);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
      });
      const url = (await ready).replace('0.0.0.0', '127.0.0.1');
      const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
      if (needsToken) {
        const token = /token=(\S+?)\s/.exec(`${stderr} `)?.[1] ?? '';
        assert.match(token, /^[A-Za-z0-9_-]{32}$/);
        assert.equal((await fetch(`${url}api/scans`)).status, 401);
        assert.equal((await fetch(`${url}api/scans`, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
      } else {
        assert.doesNotMatch(stderr, /token/);
        const res = await fetch(`${url}api/scans`);
        assert.equal(res.status, 200);
        assert.deepEqual(await res.json(), []);
      }
      child.kill('SIGINT');
      assert.equal(await exit, 0, stderr);
    }
  });

  test('bad flags and a port in use are exit 2 with one line naming the flag', async () => {
    const db = join(dir, 'flags.db');
    for (const [args, pattern] of [
      [['--port', '99999'], /--port: '99999' is not a port/],
      [['--port', 'http'], /--port: 'http' is not a port/],
      [['--token', 'short'], /--token: a token needs at least 16 characters/],
      [['--lang', 'fr'], /--lang/],
    ] as const) {
      const run = await runMain(['serve', '--db', db, ...args], { LANG: 'C' });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, pattern);
      assert.equal(run.stderr.trim().split('\n').length, 1);
    }
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const run = await runMain(['serve', '--db', db, '--port', String(port)], { LANG: 'C' });
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`--port ${port}: already in use on 127.0.0.1`));
    } finally {
      taken.close();
    }
  });
});
