import { msg, type Message } from '../i18n/index.js';
import type { ScanEvent } from '../scan/events.js';

/** A scan's progress in words, for a person watching the terminal. */
export function progressMessage(event: ScanEvent): Message {
  switch (event.type) {
    case 'reading-evidence':
      return msg('readingEvidence', { path: event.path });
    case 'identifying':
      return msg('identifying');
    case 'collector-started':
      return msg('reading', { what: event.collector });
    case 'collector-finished':
      return msg('readDone', { what: event.collector, failed: event.failedParts });
    case 'waiting-for-report':
      return msg('waitingForReport');
    case 'reading-analyzers':
      return msg('readingAnalyzers', { count: event.regions });
    case 'evaluating':
      return msg('evaluating', { count: event.checks, account: event.account });
  }
}
