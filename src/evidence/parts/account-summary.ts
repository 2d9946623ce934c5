import { z } from 'zod';
import { obj } from './aws-shape.js';
import { definePart } from './define.js';

// Keys of GetAccountSummary's SummaryMap; only integers, unknown keys kept as AWS adds them.
const accountSummary = z.record(z.string(), z.number().int());
export type AccountSummary = z.output<typeof accountSummary>;

export const fromAccountSummary = (raw: unknown) => obj(obj(raw, 'GetAccountSummary').SummaryMap, 'SummaryMap');

export const accountSummaryPart = definePart({
  data: accountSummary,
  actions: ['iam:GetAccountSummary'],
  exports: [{ file: 'iam-get-account-summary', args: ['iam', 'get-account-summary'], action: 'iam:GetAccountSummary', normalise: fromAccountSummary }],
});
