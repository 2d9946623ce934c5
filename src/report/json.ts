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
  const q = JSON.stringify;
  // Findings come check by check: most values are the previous finding's. Each slot remembers its
  // last value and that value's text (compared by identity first, so a shared string costs nothing).
  const slot = () => {
    let last: unknown = {};
    let text = '';
    return (value: unknown): string => (value === last ? text : (text = q((last = value)) as string));
  };
  const checkId = slot(), status = slot(), severity = slot(), accountId = slot(), partition = slot(), region = slot();
  const title = slot(), messageId = slot(), evidence = slot(), compliance = slot(), summary = slot();
  const steps: ((value: unknown) => string)[] = [];
  const remediation = (r: RenderedFinding['remediation']): string => {
    if (r === null) return 'null';
    const keys = Object.keys(r);
    if (keys.length !== 4 || keys[0] !== 'summary' || keys[1] !== 'steps' || keys[2] !== 'cli' || keys[3] !== 'rootOnly' || typeof r.summary !== 'string' || !Array.isArray(r.steps) || (r.cli !== null && typeof r.cli !== 'string') || typeof r.rootOnly !== 'boolean') return q(r);
    let text = `{"summary":${summary(r.summary)},"steps":[`;
    for (let i = 0; i < r.steps.length; i++) {
      const step = r.steps[i];
      if (typeof step !== 'string') return q(r);
      text += `${i === 0 ? '' : ','}${(steps[i] ??= slot())(step)}`;
    }
    return `${text}],"cli":${q(r.cli)},"rootOnly":${r.rootOnly}}`;
  };
  return (finding) => {
    const f = finding as RenderedFinding;
    if (
      typeof f.id !== 'string' || typeof f.checkId !== 'string' || typeof f.status !== 'string' || typeof f.severity !== 'string' ||
      typeof f.accountId !== 'string' || typeof f.partition !== 'string' || typeof f.region !== 'string' || typeof f.resource !== 'object' || f.resource === null || typeof f.title !== 'string' || typeof f.message !== 'string' ||
      typeof f.messageId !== 'string' || typeof f.muted !== 'boolean' || (f.muteReason !== null && typeof f.muteReason !== 'string') ||
      typeof f.evidence !== 'object' || typeof f.compliance !== 'object' || f.evidence === null || f.compliance === null || typeof f.remediation !== 'object'
    ) {
      return q(f);
    }
    return (
      `{"id":${q(f.id)},"checkId":${checkId(f.checkId)},"status":${status(f.status)},"severity":${severity(f.severity)},"accountId":${accountId(f.accountId)},` +
      `"partition":${partition(f.partition)},"region":${region(f.region)},"resource":${q(f.resource)},"title":${title(f.title)},"message":${q(f.message)},` +
      `"messageId":${messageId(f.messageId)},"muted":${f.muted},"muteReason":${q(f.muteReason)},"evidence":${evidence(f.evidence)},` +
      `"compliance":${compliance(f.compliance)},"remediation":${remediation(f.remediation)}}`
    );
  };
}
