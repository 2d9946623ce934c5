import type { Check } from '../engine/check.js';
import { rootAccessKeys } from './root-access-keys.js';

// Every check, sorted by id. The registry meta-test proves this list equals the files on disk.
export const CHECKS: readonly Check[] = [rootAccessKeys];
