import assert from 'node:assert/strict';
import { it } from 'node:test';

/**
 * Imports test files into this one process (each would otherwise pay a second of start-up). A
 * first test holds the run open until every file is imported: without it, the tests of the first
 * file would finish while the next loads, and the runner would call the root after() hooks of the
 * files loaded so far (config.test.ts removes its temp folder there) before the rest had run. A
 * file that fails to load (or is listed but gone) fails that first test, by name, and the others
 * still run.
 */
export async function loadInOneProcess(what: string, files: readonly { name: string; url: URL }[]): Promise<void> {
  let loaded = () => undefined as void;
  const allLoaded = new Promise<void>((resolve) => (loaded = resolve));
  const failures: string[] = [];
  it(`every file in ${what} loads`, async () => {
    await allLoaded;
    assert.deepEqual(failures, []);
  });
  for (const file of files) {
    try {
      await import(file.url.href);
    } catch (error) {
      failures.push(`${file.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  loaded();
}
