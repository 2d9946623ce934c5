// The layers of src/ (README "For developers"): data flows one way, collect → evidence → checks →
// findings → record → renderers/store/server. `npm run lint` runs these rules; every one is an error.
// Type-only imports count: a type cycle is a design cycle too, and it turns into a runtime one the
// day someone imports a value along the same edge.

const CORE = '^src/(engine|checks|report|evidence|record|frameworks|config)/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Modules import each other one way only; move the shared type or value to where it belongs.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'i18n-is-a-leaf',
      comment: 'src/i18n imports only npm packages and itself, so every layer can use it.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^src/', pathNot: '^src/i18n/' },
    },
    {
      name: 'core-stays-offline',
      comment: 'Engine, checks, reporters, evidence, record, frameworks and config work on data: they never reach AWS, the CLI or the scan service.',
      severity: 'error',
      from: { path: CORE },
      // A publisher's *-action.ts holds only the IAM action name, which the least-privilege policy lists.
      to: { path: '^src/(collect|publish|cli|scan)/', pathNot: '^src/publish/[^/]+-action\\.ts$' },
    },
    {
      name: 'checks-do-not-render',
      comment: 'A check returns verdicts; reporters turn findings into text.',
      severity: 'error',
      from: { path: '^src/checks/' },
      to: { path: '^src/report/' },
    },
    {
      name: 'reporters-do-not-judge',
      comment: 'A reporter is a pure function of the result; it never imports a check or a collector.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/(checks|collect)/' },
    },
    {
      name: 'collect-only-from-cli',
      comment: 'Only the CLI imports collectors; the scan service and publishers load them lazily (dynamic import) so offline commands never load an AWS SDK.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|collect|scan|publish|org)/' },
      to: { path: '^src/collect/' },
    },
    {
      name: 'cli-is-the-top',
      comment: 'Only the CLI knows argv, exit codes and the terminal: nothing below it imports it (the dashboard and the org scanner reuse the layers, not the CLI).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'collect-has-one-door',
      comment: 'Outside the live side (src/collect/, and src/org/ which drives many accounts through it), collectors are reached through src/collect/live.ts only, so what loads the AWS SDK stays in one place.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(collect|org)/' },
      to: { path: '^src/collect/', pathNot: '^src/collect/live\\.ts$' },
    },
    {
      name: 'collect-lazily',
      comment: 'src/scan and src/publish may import collectors only with import() (or for types), so loading them loads no AWS SDK.',
      severity: 'error',
      from: { path: '^src/(scan|publish)/' },
      to: { path: '^src/collect/', dependencyTypesNot: ['dynamic-import', 'type-only'] },
    },
    {
      name: 'cli-is-the-top',
      comment: 'Nothing but the CLI imports the CLI.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Without this, TypeScript's elided type-only imports would be invisible to the cycle rule.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.check.json' },
  },
};
