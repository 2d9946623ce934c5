import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Evidence } from '../evidence/schema.js';
import { serializeEvidence } from '../evidence/serialize.js';
import type { CompressedEvidence } from './types.js';

// Evidence of a many-account scan on its way to the store (issue 9, `rescan` of an organisation
// scan): each account's evidence is compressed and written to a private temporary folder as soon
// as the account is judged, so the scan holds no account's evidence once it moved on (issue 8: peak
// memory flat with the number of accounts). saveScan reads the files back one account at a time.
// The folder (mode 0700) is removed by dispose(), and at exit if a scan fails before it is stored.

export class EvidenceSpool {
  private dir: string | null = null;
  private readonly files = new Map<string, string>();
  private readonly cleanup = () => this.dispose();

  /** Compresses and writes one account's evidence (the latest for an account wins). */
  add(evidence: Evidence): void {
    if (this.dir === null) {
      this.dir = mkdtempSync(join(tmpdir(), 'lockdown-evidence-'));
      process.once('exit', this.cleanup);
    }
    const path = join(this.dir, `${this.files.size}.json.gz`);
    writeFileSync(path, gzipSync(serializeEvidence(evidence), { level: 6 }), { mode: 0o600 });
    this.files.set(evidence.account.id, path);
  }

  get size(): number {
    return this.files.size;
  }

  /** Account id → its evidence, read when saveScan writes that account. */
  entries(): Map<string, CompressedEvidence> {
    return new Map([...this.files].map(([id, path]) => [id, { compressed: true as const, read: () => readFileSync(path) }]));
  }

  dispose(): void {
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.files.clear();
    process.removeListener('exit', this.cleanup);
  }
}
