import { Command, CommanderError, Option } from 'commander';
import { InputError, ScanUnavailableError } from '../errors.js';
import { VERSION } from '../version.js';
import { interpolate } from '../engine/text.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { langFromArgs, msg, type Lang, type Message } from '../i18n/index.js';
import { FORMATS } from '../report/formats.js';
import { HELP_TEXT } from './help-text.js';
import { redactUrlCredentials, tell } from './tell.js';
import type { Io, ScanFlags } from './scan.js';

// Each command loads its own modules when it runs: `--version`, `--help` and `checks` start
// without the scan, the reporters or the evidence schema (bench/startup).

/** The only place that knows about argv and exit codes (SPEC §5: 0, 1, 2 usage/input, 3 cannot run). */
export async function main(argv: string[], io: Io): Promise<number> {
  // Messages, errors and help speak the language asked for, before anything can fail.
  const lang = langFromArgs(argv, io.env);
  const h = HELP_TEXT[lang];
  const titles: Record<string, string> = { 'Usage:': h.usage, 'Options:': h.options, 'Commands:': h.commands, 'Arguments:': h.arguments };
  let code = 0;
  const program = new Command('lockdown')
    .description(h.program)
    .version(VERSION, '-V, --version', h.version)
    .helpOption('-h, --help', h.help)
    .helpCommand('help [command]', h.helpCommand)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: () => undefined })
    .configureHelp({ styleTitle: (title) => titles[title] ?? title })
    .showSuggestionAfterError(true)
    // The scan store, for scan and the history commands (issue 9); accepted before or after the command.
    .option('--db <path>', h.db);

  program
    .command('scan')
    .description(h.scan)
    .option('--demo', h.demo)
    .option('--evidence <path>', h.evidence)
    .option('--profile <name>', h.profile)
    .option('--region <region>', h.region)
    .option('--endpoint-url <url>', h.endpointUrl)
    .addOption(new Option('--format <format>', interpolate(h.format, { formats: FORMATS.join(', ') })))
    .option('--output <file>', h.output)
    .option('--output-dir <dir>', h.outputDir)
    .option('--compliance <framework>', interpolate(h.compliance, { frameworks: FRAMEWORKS.map((f) => f.id).join(', ') }))
    .option('--lang <lang>', h.lang)
    .option('--checks <ids>', h.checks)
    .option('--exclude-checks <ids>', h.excludeChecks)
    .option('--status <statuses>', h.status)
    .option('--config <file>', h.config)
    .option('--mutelist <file>', h.mutelist)
    .option('--fail-on <severity>', h.failOn)
    .option('--save-evidence <file>', h.saveEvidence)
    .option('--quiet', h.quiet)
    // The only write a scan makes, and only with this flag (src/publish/security-hub.ts).
    .option('--security-hub', h.securityHub)
    .option('--org', h.org)
    .option('--accounts <ids>', h.accounts)
    .option('--exclude-accounts <ids>', h.excludeAccounts)
    .option('--ous <ids>', h.ous)
    .option('--role-name <name>', h.roleName)
    .option('--role-arn <arn>', h.roleArn)
    .option('--external-id <id>', h.externalId)
    .option('--targets <file>', h.targets)
    .option('--concurrency <n>', h.concurrency)
    // --store first: with both defined, the default stays undefined (--demo is not stored unless asked).
    .option('--store', h.store)
    .option('--no-store', h.noStore)
    .option('--fail-on-new <severity>', h.failOnNew)
    .option('--baseline <scan-or-file>', h.baseline)
    .action(async (flags: ScanFlags) => {
      const [{ runScan }, stored] = await Promise.all([import('./scan.js'), import('./store-scan.js')]);
      const history = Object.assign(flags, { db: program.opts<{ db?: string }>().db });
      stored.checkStoreFlags(history);
      code = stored.scanExit(history, await runScan(flags, io, lang));
    });

  program
    .command('checks')
    .description(h.checksCommand)
    .option('--json', h.json)
    .option('--lang <lang>', h.langShort)
    .action(async (flags: { json?: boolean; lang?: string }) => {
      const [{ parseLang }, { checksJson, checksText }] = await Promise.all([import('./options.js'), import('./catalogue.js')]);
      const lang = parseLang(flags.lang, io.env);
      io.stdout.write(flags.json ? checksJson(lang) : checksText(lang));
    });

  program
    .command('explain')
    .description(h.explain)
    .argument('<check-id>')
    .option('--lang <lang>', h.langShort)
    .action(async (id: string, flags: { lang?: string }) => {
      const [{ parseLang }, { explain }] = await Promise.all([import('./options.js'), import('./catalogue.js')]);
      io.stdout.write(explain(id, parseLang(flags.lang, io.env)));
    });

  program
    .command('policy')
    .description(h.policy)
    .option('--security-hub', h.policySecurityHub)
    .option('--org', h.policyOrg)
    .option('--cloudformation', h.policyCloudFormation)
    .option('--trust-account <id>', h.trustAccount)
    .option('--external-id <id>', h.policyExternalId)
    .option('--role-name <name>', h.policyRoleName)
    .action(async (flags: import('./policy.js').PolicyFlags) => {
      const { runPolicy } = await import('./policy.js');
      io.stdout.write(await runPolicy(flags));
    });

  program
    .command('serve')
    .description(h.serve)
    .option('--port <port>', h.port)
    .option('--host <address>', h.host)
    .option('--token <token>', h.token)
    .option('--lang <lang>', h.langShort)
    .action(async (flags: import('./serve.js').ServeFlags) => {
      const { runServe } = await import('./serve.js');
      code = await runServe({ ...flags, db: program.opts<{ db?: string }>().db }, io, lang);
    });

  const { registerHistoryCommands } = await import('./history-commands.js');
  registerHistoryCommands(program, io, h, lang, (c) => (code = c));

  const evidence = program.command('evidence').description(h.evidenceCommand);
  evidence
    .command('commands')
    .description(h.commandsCommand)
    .action(async () => {
      const { commandsScript } = await import('../evidence/commands-script.js');
      io.stdout.write(commandsScript(VERSION));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return handle(error, io, lang);
  }
}

function handle(error: unknown, io: Io, lang: Lang): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
    if (error.code === 'commander.help') return 0;
    io.stderr.write(`lockdown: ${tell(lang, commanderError(error))}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    io.stderr.write(`lockdown: ${tell(lang, error.said)}\n`);
    return 2;
  }
  if (error instanceof ScanUnavailableError) {
    io.stderr.write(`lockdown: ${tell(lang, error.said)}\n`);
    return 3;
  }
  // A bug: JavaScript's words ("Cannot read properties of null") and a stack mean nothing to the
  // user, so they show only on request; the line says what it is and what to do.
  io.stderr.write(`lockdown: ${tell(lang, msg('internalBug', { kind: error instanceof Error ? error.name : typeof error }))}\n`);
  if (io.env.LOCKDOWN_DEBUG) io.stderr.write(`${redactUrlCredentials(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  return 3;
}

// Commander words its usage errors in English, over two lines with a suggestion; they become one
// line in the CLI's language. An error this does not know keeps commander's words.
function commanderError(error: CommanderError): Message {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const suggestion = /Did you mean (.+?)\?/.exec(error.message)?.[1];
  const hint = suggestion ? msg('didYouMean', { suggestion }) : '';
  switch (error.code) {
    case 'commander.unknownOption':
      return msg('unknownOption', { option: quoted, hint });
    case 'commander.unknownCommand':
      return msg('unknownCommand', { command: quoted, hint });
    case 'commander.missingArgument':
      return msg('missingArgument', { argument: quoted });
    case 'commander.optionMissingArgument':
      return msg('optionMissingArgument', { option: quoted.split(' ')[0] ?? quoted });
    case 'commander.excessArguments':
      return msg('excessArguments', { command: quoted });
    default:
      return msg('commanderSays', { detail: error.message.replace(/^error: /, '').split('\n').join(' ') });
  }
}
