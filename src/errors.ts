// Errors the CLI maps to exit codes (SPEC §5). Anything else is a bug and exits 3 with its stack.

/** Bad input from the user: a flag, a file or a field. Exit 2; the message names the culprit. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The scan could not run at all (no credentials, endpoint unreachable). Exit 3. */
export class ScanUnavailableError extends Error {
  override name = 'ScanUnavailableError';
}
