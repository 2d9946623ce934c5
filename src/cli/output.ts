import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { chmod, copyFile, link, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';

/** One file a scan writes, and the flag that asked for it (named when it cannot be written). */
export interface OutputFile {
  flag: string;
  path: string;
  /**
   * The text, or its pieces in order (a large JSON report is produced while it is written, never
   * as one string). Pieces are read once.
   */
  content: string | Iterable<string>;
}

export interface WriteOptions {
  /**
   * Test hook (LOCKDOWN_TEST_PAUSE_BEFORE_COMMIT_MS): wait this long after every temporary file is
   * written and before any is renamed, so a test can interrupt the write at a known moment.
   */
  pauseBeforeCommitMs?: number;
  /**
   * Test hook (LOCKDOWN_TEST_PAUSE_BETWEEN_RENAMES_MS): wait this long after each rename but the
   * last, so a test can send a signal when some targets are replaced and others not yet.
   */
  pauseBetweenRenamesMs?: number;
  /** Says what happened before the process ends on SIGINT/SIGTERM. */
  onInterrupt?: (signal: string) => void;
}

/** Exit codes of a process ended by a signal, as a shell reports them (128 + the signal number). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Writes every file or none (issue 11): all regular files are first written to temporary files
 * beside their targets; only when all of them are complete are they renamed over the targets. A
 * failure, or SIGINT/SIGTERM, before that removes the temporary files and leaves every target as it
 * was. Renames cannot be undone, so each file about to be replaced is first kept under a backup
 * name (a hard link: no copy); a rename that fails after others succeeded, or a signal between
 * renames, puts the previous files back and removes new ones that replaced nothing, so the set
 * stays whole. A replaced file keeps its permissions, and a symbolic link is written through, not replaced.
 * A FIFO, a device or anything under /dev or /proc (`--output /dev/stdout`) is not a report file:
 * it is opened and written like a shell's `>`, never renamed over.
 */
export async function writeFiles(files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  const targets = files.map(target);
  const temps = new Set<string>();
  const rollback = new Rollback();
  const onSignal = (signal: keyof typeof SIGNAL_EXIT) => {
    rollback.undoSync();
    for (const temp of temps) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // Nothing to remove where the folder is not there.
      }
    }
    options.onInterrupt?.(signal);
    process.exit(SIGNAL_EXIT[signal]);
  };
  for (const signal of Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]) process.on(signal, onSignal);
  let current: OutputFile | undefined;
  try {
    const staged: { temp: string; path: string }[] = [];
    for (const t of targets) {
      current = t.file;
      if (t.direct) continue;
      const temp = join(dirname(t.path), `.${basename(t.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      temps.add(temp);
      // 'wx': a temp name someone planted (a symbolic link) is refused, not followed.
      await writeFile(temp, pieces(t.file.content), { flag: 'wx' });
      if (t.mode !== undefined) await chmod(temp, t.mode);
      staged.push({ temp, path: t.path });
    }
    if (options.pauseBeforeCommitMs) await new Promise((done) => setTimeout(done, options.pauseBeforeCommitMs));
    for (const t of targets) {
      current = t.file;
      if (t.direct) await writeFile(t.path, pieces(t.file.content));
    }
    for (const { path } of staged) {
      current = targets.find((t) => t.path === path)?.file;
      await rollback.keep(path);
    }
    for (const [i, { temp, path }] of staged.entries()) {
      current = targets.find((t) => t.path === path)?.file;
      if (i > 0 && options.pauseBetweenRenamesMs) await new Promise((done) => setTimeout(done, options.pauseBetweenRenamesMs));
      // Synchronous: a signal is handled between tasks, so it finds each rename either not begun
      // or done and recorded, never one still running in the thread pool that lands after undo.
      renameSync(temp, path);
      rollback.replaced(path);
      temps.delete(temp);
    }
    await rollback.done();
  } catch (error) {
    rollback.undoSync();
    // A temp whose folder is not there (ENOTDIR) cannot be removed, and needs not be.
    await Promise.all([...temps].map((temp) => rm(temp, { force: true }).catch(() => undefined)));
    // A reporter that failed while its pieces were written is a fault of ours, not of the file.
    if (error instanceof RenderFailed) throw error.cause;
    const file = current ?? files[0];
    throw new InputError(msg('cannotWrite', { flag: file?.flag ?? '--output', path: file?.path ?? '', code: (error as NodeJS.ErrnoException).code ?? String(error) }));
  } finally {
    for (const signal of Object.keys(SIGNAL_EXIT)) process.off(signal, onSignal);
  }
}

/**
 * The files a commit replaces, kept until every rename succeeded. `keep` links each existing target
 * to a backup name beside it (copying where hard links are refused); `undoSync` — synchronous, so
 * a signal handler can run it — renames the backups back over what was renamed in and removes
 * files that were new; `done` removes the backups.
 */
class Rollback {
  private readonly backups = new Map<string, string | null>();
  private readonly renamed: string[] = [];

  async keep(path: string): Promise<void> {
    const backup = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.bak`);
    try {
      await link(path, backup);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        this.backups.set(path, null);
        return;
      }
      // A file system without hard links (or one that forbids them): a copy keeps the content.
      if (code !== 'EPERM' && code !== 'EXDEV' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
      await copyFile(path, backup, 1 /* COPYFILE_EXCL: a planted name is not followed */);
    }
    this.backups.set(path, backup);
  }

  replaced(path: string): void {
    this.renamed.push(path);
  }

  undoSync(): void {
    for (const path of this.renamed.splice(0).reverse()) {
      const backup = this.backups.get(path);
      try {
        if (backup) renameSync(backup, path);
        else rmSync(path, { force: true });
        this.backups.delete(path);
      } catch {
        // The folder went away: nothing is left to restore there.
      }
    }
    this.removeBackupsSync();
  }

  async done(): Promise<void> {
    this.renamed.length = 0;
    await Promise.all([...this.backups.values()].map((b) => (b ? rm(b, { force: true }).catch(() => undefined) : undefined)));
    this.backups.clear();
  }

  private removeBackupsSync(): void {
    for (const backup of this.backups.values()) {
      try {
        if (backup) rmSync(backup, { force: true });
      } catch {
        // As above.
      }
    }
    this.backups.clear();
  }
}

/** An error thrown by the content's pieces, told apart from the file system's. */
class RenderFailed {
  constructor(readonly cause: unknown) {}
}

function pieces(content: string | Iterable<string>): string | Iterable<string> {
  if (typeof content === 'string') return content;
  return (function* () {
    const it = content[Symbol.iterator]();
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = it.next();
      } catch (error) {
        throw new RenderFailed(error);
      }
      if (next.done) return;
      yield next.value;
    }
  })();
}

interface Target {
  file: OutputFile;
  /** The file to replace: the path itself, or where its symbolic link points. */
  path: string;
  /** Written in place, like a shell redirect: a FIFO, a device, /dev/stdout. */
  direct: boolean;
  /** The permissions of the file being replaced. */
  mode?: number;
}

function target(file: OutputFile): Target {
  const absolute = resolve(file.path);
  let stats: Stats | undefined;
  try {
    stats = statSync(absolute);
  } catch {
    // Not there yet (or not reachable): writing will create it, or say why it cannot.
  }
  if (/^\/(dev|proc)\//.test(absolute) || (stats && !stats.isFile() && !stats.isDirectory())) return { file, path: absolute, direct: true };
  if (stats?.isDirectory()) throw new InputError(msg('cannotWrite', { flag: file.flag, path: file.path, code: 'EISDIR' }));
  return { file, path: stats ? realpathSync(absolute) : absolute, direct: false, mode: stats ? stats.mode & 0o7777 : undefined };
}
