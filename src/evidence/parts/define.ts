import { z } from 'zod';

// What every evidence part declares in its own module (src/evidence/parts/<part>.ts): the shape
// of its data, the IAM actions that read it (the least-privilege policy is their union), the AWS
// CLI calls of the export script and how an answer becomes data. Its collector (SDK code, in
// src/collect/) imports the module; nothing else needs to change to add a part.

export const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const stringList = z.array(z.string());

export const SOURCES = ['credential-report', 'api', 'config'] as const;
export type EvidenceSource = (typeof SOURCES)[number];

const partError = z.strictObject({
  code: z.string().min(1),
  message: z.string(),
  action: z.string().optional(),
});
export type PartError = z.output<typeof partError>;

/** A part in an evidence file: its data with where and when it was read, or why it could not be. */
export function partSchema<T extends z.ZodType>(data: T) {
  const ok = z
    .strictObject({ source: z.enum(SOURCES), action: z.string().optional(), observedAt: isoDate, data })
    .transform((p) => ({ ok: true as const, ...p }));
  const failed = z.strictObject({ error: partError }).transform((p) => ({ ok: false as const, ...p }));
  return z.union([failed, ok]);
}

export type Part<T> =
  | { ok: true; source: EvidenceSource; action?: string | undefined; observedAt: Date; data: T }
  | { ok: false; error: PartError };

/** A part as collectors and importers build it: the evidence file's JSON form. */
export type PartJson =
  | { error: { code: string; message: string; action?: string } }
  | { source: 'api' | 'credential-report'; action: string; observedAt: string; data: unknown };

/**
 * One read-only AWS CLI call of the export script (SPEC §4). It writes `<file>.json` on success,
 * `<file>.error.txt` (the CLI's error text) on failure; `{region}` files once per enabled region.
 */
export interface ExportCall {
  file: string;
  /** AWS CLI arguments after `aws`; only read operations (a test enforces it). */
  args: string[];
  action: string;
  /** The CLI's JSON answer → the part's data (the SDK's answers have the same shape). */
  normalise(raw: unknown, file: string): unknown;
  /** A file older exports wrote instead: read when the current call's files are absent, never called. */
  legacy?: boolean;
  /**
   * The fields of an answer that name what was asked (a contact type, a region, an account id),
   * with the value this call asked for: an export file holding another call's answer is refused.
   */
  identify?(raw: unknown, asked: { region: string | undefined; accountId: string }): AnswerName[];
}

/** A field of an answer that names what it answers, and the value the call asked for. */
export interface AnswerName {
  field: string;
  found: unknown;
  expected: string;
}

export interface PartDef<D extends z.ZodType = z.ZodType> {
  data: D;
  /** Every IAM action its collector may call; the first is the one that reads the data. */
  actions: readonly [string, ...string[]];
  /**
   * The export script's calls; when several can answer, the first that did is the part. Any other
   * that answered must tell the same (`tells`), or the folder is refused naming both files.
   */
  exports: readonly ExportCall[];
  /**
   * The fact an answer tells, as shown to the user, when several calls answer the same fact (the
   * data may differ in how it was read, e.g. `via`). Default: the whole data as JSON.
   */
  tells?(data: z.input<D>): string;
  /** Error codes that are facts about the account, not failures to read it: the data they mean. */
  facts?: Readonly<Record<string, z.input<D>>>;
  /**
   * Read in several regions. 'keyed': one part per region (the evidence's regional record);
   * 'merged': one part holding every region's items, an error when any region could not be read.
   */
  regional?: 'keyed' | 'merged';
  /** The credential report is dated by IAM, not by the time it was fetched. */
  observedAt?(data: z.input<D>): string;
  source?: 'credential-report';
}

export const definePart = <D extends z.ZodType>(def: PartDef<D>): PartDef<D> => def;
