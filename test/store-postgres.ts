import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// A throwaway PostgreSQL cluster for the store tests: initdb in a temp folder, started on a free
// loopback port with its socket in that folder, stopped and deleted at the end. PostgreSQL refuses
// to run as root, so as root the cluster belongs to the `postgres` user (Debian's package creates
// it) and its commands run through runuser. .ci/run installs Debian's postgresql package.

export interface TestPostgres {
  /** A URL of a new, empty database in the cluster. */
  database(): Promise<string>;
  /** The cluster's URL (database postgres). */
  url: string;
  stop(): void;
}

function binDir(): string {
  const fromEnv = process.env.LOCKDOWN_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb'))) return dir;
  throw new Error('PostgreSQL is not installed (no initdb): apt-get install postgresql, or set LOCKDOWN_PG_BIN (.ci/run installs it)');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function createDatabase(url: string): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** The cluster .ci/run started (LOCKDOWN_TEST_PG_URL), else a new one of this process's own. */
export async function startPostgres(): Promise<TestPostgres> {
  const shared = process.env.LOCKDOWN_TEST_PG_URL;
  if (shared) return { url: shared, stop: () => undefined, database: () => createDatabase(shared) };
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'lockdown-pg-'));
  const data = join(dir, 'data');
  const root = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    if (root) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run('pg_ctl', ['-D', data, '-o', `-h 127.0.0.1 -p ${port} -k ${dir} -F -c max_connections=60`, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const err = error as { stderr?: Buffer };
    throw new Error(`cannot start PostgreSQL in ${dir}: ${err.stderr?.toString() ?? String(error)}`, { cause: error });
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  return {
    url,
    stop,
    database: () => createDatabase(url),
  };
}
