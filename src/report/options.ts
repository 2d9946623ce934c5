import type { ScanRecord } from '../record/record.js';

/** What a reporter may be told besides the result; every reporter is (result, options) => string. */
export interface ReportOptions {
  /** ANSI colours (table only; the CLI decides: a terminal, no NO_COLOR, no --output). */
  color: boolean;
  /** A framework id (`--compliance`): add its requirement view where the format has room for it. */
  compliance?: string;
  /** The AWS region of the scan, for formats that need one (ASFF ProductArn). */
  region: string;
  /**
   * The language-neutral record the result was rendered from, for formats that carry message
   * ids and parameters rather than finished sentences (the HTML report's data).
   */
  record?: ScanRecord;
}
