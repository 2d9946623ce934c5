import { say, type Message } from './i18n/index.js';

// Errors the CLI maps to exit codes (SPEC §5). Anything else is a bug and exits 3 with its stack.
// Each carries its message language-neutral; the CLI puts it into the user's language.

/** Bad input from the user: a flag, a file or a field. Exit 2; the message names the culprit. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly said: Message) {
    super(say('en', said));
  }
}

/** The scan could not run at all (no credentials, endpoint unreachable). Exit 3. */
export class ScanUnavailableError extends Error {
  override name = 'ScanUnavailableError';
  constructor(readonly said: Message) {
    super(say('en', said));
  }
}

/** Evidence that does not have the shape AWS gives it. Importers turn it into an InputError naming the file. */
export class ShapeError extends Error {
  override name = 'ShapeError';
  constructor(readonly said: Message) {
    super(say('en', said));
  }
}
