import { z } from 'zod';
import { arr, obj } from './aws-shape.js';
import { definePart } from './define.js';

const analyzer = z.strictObject({
  name: z.string(),
  arn: z.string(),
  type: z.string(),
  status: z.string(),
});
export type Analyzer = z.output<typeof analyzer>;

export function fromAnalyzers(raw: unknown) {
  return arr(obj(raw, 'ListAnalyzers').analyzers, 'analyzers').map((a) => ({ name: a.name, arn: a.arn, type: a.type, status: a.status }));
}

/** Access Analyzer is regional: one part per enabled region. */
export const accessAnalyzersPart = definePart({
  data: z.array(analyzer),
  actions: ['access-analyzer:ListAnalyzers'],
  exports: [
    {
      file: 'accessanalyzer-list-analyzers-{region}',
      args: ['accessanalyzer', 'list-analyzers'],
      action: 'access-analyzer:ListAnalyzers',
      normalise: fromAnalyzers,
      // An analyzer's ARN names the region it lives in: arn:aws:access-analyzer:<region>:<account>:analyzer/<name>.
      identify: (raw, { region }) =>
        arr(obj(raw, 'ListAnalyzers').analyzers, 'analyzers').map((a, i) => ({ field: `analyzers[${i}].arn`, found: typeof a.arn === 'string' ? a.arn.split(':')[3] : undefined, expected: region ?? '' })),
    },
  ],
  regional: 'keyed',
});
