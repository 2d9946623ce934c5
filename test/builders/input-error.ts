import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';

/** Runs fn, expects an InputError whose message holds every fragment; returns the message. */
export function inputError(fn: () => unknown, ...fragments: string[]): string {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof InputError, `expected an InputError, got ${String(caught)}`);
  for (const fragment of fragments) assert.ok(caught.message.includes(fragment), `message ${JSON.stringify(caught.message)} should name ${JSON.stringify(fragment)}`);
  return caught.message;
}
