import { EXPORT_CALLS, EXPORT_METADATA_FILE } from './cli-export-manifest.js';
import { regionsPart } from './parts/regions.js';

type ExportCall = (typeof EXPORT_CALLS)[number];
const REGIONS_ACTION = regionsPart.actions[0];

const quote = (arg: string) => (arg.startsWith('$') ? `"${arg}"` : /^[A-Za-z0-9._-]+$/.test(arg) ? arg : `'${arg}'`);
const line = (call: ExportCall) => `run ${call.file.replace('{region}', '$R')} ${call.args.map(quote).join(' ')}${call.perRegion ? ' --region "$R"' : ''}`;

/**
 * The offline collection script (SPEC §4): read-only AWS CLI calls, one JSON file per call, the
 * CLI's error text in `<file>.error.txt` when a call fails. Honours AWS_PROFILE (the CLI reads
 * it) and AWS_ENDPOINT_URL (passed as --endpoint-url: CLIs before 2.13 ignore the variable).
 */
export function commandsScript(version: string): string {
  const regionsCall = EXPORT_CALLS.find((c) => c.action === REGIONS_ACTION) as ExportCall;
  const global = EXPORT_CALLS.filter((c) => !c.perRegion && c !== EXPORT_CALLS[0] && c !== regionsCall);
  const regional = EXPORT_CALLS.filter((c) => c.perRegion);
  return `#!/usr/bin/env bash
# aws-lockdown ${version}: collect read-only evidence with the AWS CLI for an offline scan.
#   bash lockdown-evidence.sh [DIR]      (DIR defaults to the current directory)
#   lockdown scan --evidence DIR
# Uses your normal AWS CLI credentials (AWS_PROFILE, SSO, environment). Every call below only
# reads; generate-credential-report asks IAM to build the credential report, it changes nothing.
set -uo pipefail
OUT="\${1:-.}"
mkdir -p "$OUT" || exit 2
export AWS_PAGER=""
OPTS=(--output json)
if [ -n "\${AWS_ENDPOINT_URL:-}" ]; then OPTS+=(--endpoint-url "$AWS_ENDPOINT_URL"); fi
REGION="\${AWS_REGION:-\${AWS_DEFAULT_REGION:-}}"

# run FILE ARGS...: FILE.json on success, FILE.error.txt with the CLI's message on failure.
run() {
  local name="$1"; shift
  if aws "\${OPTS[@]}" "$@" > "$OUT/$name.json.part" 2> "$OUT/$name.error.txt"; then
    mv "$OUT/$name.json.part" "$OUT/$name.json"; rm -f "$OUT/$name.error.txt"
  else
    rm -f "$OUT/$name.json.part" "$OUT/$name.json"
    echo "  $name: $(head -c 300 "$OUT/$name.error.txt" | tr '\\n' ' ')" >&2
  fi
}
field() { sed -n "s/.*\\"$1\\": *\\"\\([^\\"]*\\)\\".*/\\1/p" "$2" | head -n 1; }

echo "aws-lockdown: collecting evidence into $OUT\${AWS_PROFILE:+ (profile $AWS_PROFILE)}" >&2
# STS needs a region; without one configured, try each partition's default until one answers.
for R in \${REGION:-us-east-1 us-gov-west-1 cn-north-1}; do
  run sts-get-caller-identity sts get-caller-identity --region "$R"
  [ -f "$OUT/sts-get-caller-identity.json" ] && break
done
if [ ! -f "$OUT/sts-get-caller-identity.json" ]; then
  echo "aws-lockdown: the AWS CLI has no working credentials (see $OUT/sts-get-caller-identity.error.txt)" >&2
  exit 3
fi
ACCOUNT_ID=$(field Account "$OUT/sts-get-caller-identity.json")
PARTITION=$(field Arn "$OUT/sts-get-caller-identity.json" | cut -d: -f2)
if [ -z "$REGION" ]; then
  case "$PARTITION" in aws-us-gov) REGION=us-gov-west-1 ;; aws-cn) REGION=cn-north-1 ;; *) REGION=us-east-1 ;; esac
fi
OPTS+=(--region "$REGION")
printf '{"tool": "aws-lockdown", "version": "%s", "collectedAt": "%s", "cli": "%s"}\\n' \\
  "${version}" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(aws --version 2>&1 | head -n 1)" > "$OUT/${EXPORT_METADATA_FILE}"

# The credential report is built on request and can take a few seconds (bounded: ~60 s).
for _ in $(seq 1 30); do
  STATE=$(aws "\${OPTS[@]}" iam generate-credential-report --query State --output text 2>/dev/null) || STATE=""
  [ "$STATE" = "COMPLETE" ] && break
  sleep 2
done

${global.map(line).join('\n')}

# The enabled regions (ENABLED or ENABLED_BY_DEFAULT): the regional services are read in each.
${line(regionsCall)}
REGIONS=$(grep -o '"RegionName": *"[^"]*"' "$OUT/${regionsCall.file}.json" 2>/dev/null | sed 's/.*"\\([^"]*\\)"$/\\1/')
for R in $REGIONS; do
${regional.map((c) => `  ${line(c)}`).join('\n')}
done
echo "aws-lockdown: done; now run: lockdown scan --evidence $OUT" >&2
`;
}
