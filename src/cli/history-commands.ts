import type { Command } from 'commander';
import { interpolate } from '../engine/text.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import type { Lang } from '../i18n/index.js';
import { FORMATS } from '../report/formats.js';
import type { HELP_TEXT } from './help-text.js';
import type { Io } from './scan.js';

// The history commands (issue 9): history (list, prune, export, import), diff, report, rescan.
// Each loads its modules when it runs, like every command (bench/startup). `--db` is the
// program's option (commander accepts it before or after the command name).

type Help = (typeof HELP_TEXT)[Lang];

export function registerHistoryCommands(program: Command, io: Io, h: Help, lang: Lang, setCode: (code: number) => void): void {
  const db = () => program.opts<{ db?: string }>().db;

  const history = program
    .command('history')
    .description(h.historyCommand)
    .option('--account <id>', h.historyAccount)
    .option('--limit <n>', h.historyLimit)
    .option('--json', h.historyJson)
    .option('--lang <lang>', h.langShort)
    .action(async (flags: import('./history.js').HistoryFlags) => {
      const { runHistory } = await import('./history.js');
      setCode(await runHistory({ ...flags, db: db() }, io));
    });
  history
    .command('prune')
    .description(h.pruneCommand)
    .option('--keep <n>', h.keep)
    .option('--older-than <days>', h.olderThan)
    .action(async (flags: import('./history.js').PruneFlags) => {
      const { runPrune } = await import('./history.js');
      setCode(await runPrune({ ...flags, db: db() }, io, lang));
    });
  history
    .command('export')
    .description(h.exportCommand)
    .argument('<scan>')
    .option('--output <file>', h.output)
    .option('--account <id>', h.historyAccount)
    .action(async (ref: string, flags: { output?: string; account?: string }) => {
      const { runExport } = await import('./history.js');
      setCode(await runExport(ref, { ...flags, db: db() }, io, lang));
    });
  history
    .command('import')
    .description(h.importCommand)
    .argument('<file>')
    .action(async (file: string) => {
      const { runImport } = await import('./history.js');
      setCode(await runImport(file, { db: db() }, io, lang));
    });

  program
    .command('diff')
    .description(h.diffCommand)
    .argument('[a]')
    .argument('[b]')
    .option('--account <id>', h.historyAccount)
    .option('--format <format>', h.diffFormat)
    .option('--output <file>', h.output)
    .option('--lang <lang>', h.langShort)
    .action(async (a: string | undefined, b: string | undefined, flags: import('./diff.js').DiffFlags) => {
      const { runDiff } = await import('./diff.js');
      setCode(await runDiff([a, b].filter((r): r is string => r !== undefined), { ...flags, db: db() }, io));
    });

  program
    .command('report')
    .description(h.reportCommand)
    .argument('<scan>')
    .option('--account <id>', h.historyAccount)
    .option('--format <format>', interpolate(h.format, { formats: FORMATS.join(', ') }))
    .option('--output <file>', h.output)
    .option('--lang <lang>', h.lang)
    .option('--compliance <framework>', interpolate(h.compliance, { frameworks: FRAMEWORKS.map((f) => f.id).join(', ') }))
    .option('--status <statuses>', h.status)
    .action(async (ref: string, flags: import('./report-cmd.js').ReportFlags) => {
      const { runReport } = await import('./report-cmd.js');
      setCode(await runReport(ref, { ...flags, db: db() }, io));
    });

  program
    .command('rescan')
    .description(h.rescanCommand)
    .argument('<scan>')
    .option('--account <id>', h.historyAccount)
    .option('--format <format>', interpolate(h.format, { formats: FORMATS.join(', ') }))
    .option('--output <file>', h.output)
    .option('--lang <lang>', h.lang)
    .option('--config <file>', h.config)
    .option('--mutelist <file>', h.mutelist)
    .option('--no-store', h.rescanNoStore)
    .option('--quiet', h.quiet)
    .action(async (ref: string, flags: import('./rescan.js').RescanFlags) => {
      const { runRescan } = await import('./rescan.js');
      setCode(await runRescan(ref, { ...flags, db: db() }, io, lang));
    });
}
