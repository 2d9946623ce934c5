import type { ScanResult } from '../engine/result.js';
import { unrenderedFindings } from '../record/render.js';
import type { RenderedFinding } from '../record/result.js';
import type { ReportOptions } from './options.js';

/** Above this many findings the JSON is compact: a 40,000-finding result is then a third smaller and faster to write. */
const INDENT_LIMIT = 1000;

/**
 * About this many characters go into one piece of jsonChunks: large enough that writing a piece
 * costs little, small enough that no piece is one of the big strings that made a 40,000-finding
 * report cost ~70 MB (two bytes a character) plus its UTF-8 copy, and a fifth of the scan in GC.
 */
const CHUNK_CHARS = 1 << 18;

/** The canonical output (SPEC §6). */
export function renderJson(result: ScanResult, options?: ReportOptions): string {
  return [...jsonChunks(result, options)].join('');
}

/**
 * The same text as renderJson, byte for byte, in pieces of ~256K characters: the result with its
 * findings stringified one by one, so a large report is written without ever being one string.
 * Equal to `JSON.stringify(result, null, indent) + '\n'` (test/report-json.test.ts).
 */
export function* jsonChunks(result: ScanResult, _options?: ReportOptions): Generator<string, void, undefined> {
  // Findings nobody has read yet are put into words one by one as they are written (see render()).
  const unrendered = unrenderedFindings(result);
  const count = unrendered ? unrendered.count : result.findings.length;
  const indent = count > INDENT_LIMIT ? undefined : 2;
  // One level in: what JSON.stringify puts before a top-level key, and before a finding.
  const nl = indent === undefined ? '' : '\n  ';
  const nl2 = indent === undefined ? '' : '\n    ';
  const colon = indent === undefined ? ':' : ': ';
  // A nested value stringified on its own, then moved in by the levels it sits at (a JSON string
  // holds no raw newline, so every newline in the text is layout).
  const nested = (value: unknown, depth: string): string | undefined => {
    const text = JSON.stringify(value, null, indent);
    return text === undefined || indent === undefined ? text : text.replace(/\n/g, `\n${depth}`);
  };
  const findingText = unrendered && indent === undefined ? compactFinding() : (f: unknown) => nested(f, '    ');
  let piece = '{';
  let first = true;
  for (const key of Object.keys(result)) {
    const head = `${first ? '' : ','}${nl}${JSON.stringify(key)}${colon}`;
    if (key === 'findings') {
      // Not read from the result before it is known to be an array: reading renders them all.
      const findings: Iterable<unknown> | unknown = unrendered ? unrendered.each : result.findings;
      if (!unrendered && !Array.isArray(findings)) {
        const text = nested(findings, '  ');
        if (text === undefined) continue;
        first = false;
        piece += head + text;
        continue;
      }
      first = false;
      if (count === 0) {
        piece += `${head}[]`;
        continue;
      }
      piece += `${head}[`;
      let i = 0;
      for (const finding of findings as Iterable<unknown>) {
        piece += `${i++ === 0 ? '' : ','}${nl2}${findingText(finding) ?? 'null'}`;
        if (piece.length >= CHUNK_CHARS) {
          yield piece;
          piece = '';
        }
      }
      piece += `${nl}]`;
      continue;
    }
    const text = nested((result as unknown as Record<string, unknown>)[key], '  ');
    // JSON.stringify leaves out a key whose value is undefined (or a function).
    if (text === undefined) continue;
    first = false;
    piece += head + text;
  }
  piece += `${first ? '' : indent === undefined ? '' : '\n'}}\n`;
  yield piece;
}

/**
 * `JSON.stringify(finding)` of a finding as render() makes it (these keys in this order), with
 * the parts findings share (one check's evidence and compliance objects) stringified once.
 */
function compactFinding(): (finding: unknown) => string {
  // Findings come check by check: remembering the last object of each kind is enough.
  let evidence: object | undefined;
  let evidenceText = '';
  let compliance: object | undefined;
  let complianceText = '';
  const q = JSON.stringify;
  return (finding) => {
    const f = finding as RenderedFinding;
    if (
      typeof f.id !== 'string' || typeof f.checkId !== 'string' || typeof f.status !== 'string' || typeof f.severity !== 'string' ||
      typeof f.accountId !== 'string' || typeof f.partition !== 'string' || typeof f.region !== 'string' || typeof f.resource !== 'object' || f.resource === null || typeof f.title !== 'string' || typeof f.message !== 'string' ||
      typeof f.messageId !== 'string' || typeof f.muted !== 'boolean' || (f.muteReason !== null && typeof f.muteReason !== 'string') ||
      typeof f.evidence !== 'object' || typeof f.compliance !== 'object' || f.evidence === null || f.compliance === null || f.remediation === undefined
    ) {
      return q(f);
    }
    return (
      `{"id":${q(f.id)},"checkId":${q(f.checkId)},"status":${q(f.status)},"severity":${q(f.severity)},"accountId":${q(f.accountId)},` +
      `"partition":${q(f.partition)},"region":${q(f.region)},"resource":${q(f.resource)},"title":${q(f.title)},"message":${q(f.message)},` +
      `"messageId":${q(f.messageId)},"muted":${f.muted},"muteReason":${q(f.muteReason)},"evidence":${f.evidence === evidence ? evidenceText : (evidenceText = q((evidence = f.evidence)))},` +
      `"compliance":${f.compliance === compliance ? complianceText : (complianceText = q((compliance = f.compliance)))},` +
      `"remediation":${q(f.remediation)}}`
    );
  };
}
