import { Command, CommanderError, Option } from 'commander';
import { leastPrivilegePolicy } from '../collect/policy.js';
import { InputError, ScanUnavailableError } from '../errors.js';
import { commandsScript } from '../evidence/commands-script.js';
import { VERSION } from '../version.js';
import { checksJson, checksText, explain } from './catalogue.js';
import { parseLang } from './options.js';
import { FORMATS, runScan, type Io, type ScanFlags } from './scan.js';

/** The only place that knows about argv and exit codes (SPEC §5: 0, 1, 2 usage/input, 3 cannot run). */
export async function main(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command('lockdown')
    .description('Audit the security baseline of an AWS account: root user, IAM users, password policy, contacts, organisation.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: () => undefined })
    .showSuggestionAfterError(true);

  program
    .command('scan')
    .description('scan the account of your AWS credentials, saved evidence (--evidence) or the bundled demo account (--demo)')
    .option('--demo', 'scan the bundled demo evidence of an insecure account; needs no AWS access')
    .option('--evidence <path>', 'scan saved evidence: an evidence JSON file, an AWS CLI export folder or a credential report CSV')
    .option('--profile <name>', 'AWS profile for a live scan')
    .option('--region <region>', 'AWS region for regional calls of a live scan')
    .option('--endpoint-url <url>', 'AWS endpoint for a live scan')
    .addOption(new Option('--format <format>', `output format(s), comma-separated: ${FORMATS.join(', ')} (default: table on a terminal, else json)`))
    .option('--output <file>', 'write the result to a file instead of stdout')
    .option('--output-dir <dir>', 'write one file per format (aws-lockdown.<ext>) into this folder')
    .option('--compliance <framework>', 'add a requirement-by-requirement view: cis-aws-v5.0.0, cis-aws-v3.0.0, aws-securityhub, aws-config')
    .option('--lang <lang>', 'language of the output: en or nl (default: from LC_ALL/LANG, else en)')
    .option('--checks <ids>', 'only these checks (comma-separated ids or globs like password-policy-*)')
    .option('--exclude-checks <ids>', 'skip these checks')
    .option('--status <statuses>', 'list only findings with these statuses (FAIL,ERROR,MANUAL,PASS,NOT_APPLICABLE)')
    .option('--config <file>', 'thresholds and account facts (YAML or JSON)')
    .option('--mutelist <file>', 'mute findings by rule (YAML or JSON); muted findings stay listed')
    .option('--fail-on <severity>', 'exit 1 when an unmuted FAIL or ERROR is at or above this severity')
    .option('--save-evidence <file>', 'also write the evidence the scan used, for a later offline scan')
    .option('--quiet', 'no progress on stderr')
    .action(async (flags: ScanFlags) => {
      code = await runScan(flags, io);
    });

  program
    .command('checks')
    .description('list the check catalogue')
    .option('--json', 'as JSON, with texts and compliance mappings')
    .option('--lang <lang>', 'en or nl')
    .action((flags: { json?: boolean; lang?: string }) => {
      const lang = parseLang(flags.lang, io.env);
      io.stdout.write(flags.json ? checksJson(lang) : checksText(lang));
    });

  program
    .command('explain')
    .description('what a check means and how to fix what it finds')
    .argument('<check-id>')
    .option('--lang <lang>', 'en or nl')
    .action((id: string, flags: { lang?: string }) => {
      io.stdout.write(explain(id, parseLang(flags.lang, io.env)));
    });

  program
    .command('policy')
    .description('print the least-privilege IAM policy a scanning role needs (read-only)')
    .action(() => {
      io.stdout.write(leastPrivilegePolicy());
    });

  const evidence = program.command('evidence').description('offline evidence collection');
  evidence
    .command('commands')
    .description('print a bash script of read-only AWS CLI calls that writes an evidence folder for --evidence')
    .action(() => {
      io.stdout.write(commandsScript(VERSION));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return handle(error, io);
  }
}

function handle(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
    if (error.code === 'commander.help') return 0;
    io.stderr.write(`lockdown: ${error.message.replace(/^error: /, '')}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    io.stderr.write(`lockdown: ${error.message}\n`);
    return 2;
  }
  if (error instanceof ScanUnavailableError) {
    io.stderr.write(`lockdown: ${error.message}\n`);
    return 3;
  }
  io.stderr.write(`lockdown: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 3;
}
