import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { credentialReportPart, fromCredentialReport } from '../evidence/parts/credential-report.js';
import { errorCode, failed, type CollectContext, type Collector, type PartJson } from './collector.js';

const [GET, GENERATE] = credentialReportPart.actions as readonly [string, string];

// The SDK names IAM's ReportInProgress / ReportNotPresent / ReportExpired after its own classes.
const IN_PROGRESS = new Set(['ReportInProgress', 'CredentialReportNotReadyException']);
const MUST_GENERATE = new Set(['ReportNotPresent', 'CredentialReportNotPresentException', 'ReportExpired', 'CredentialReportExpiredException']);
const BUSY = new Set(['LimitExceeded', 'LimitExceededException']);

/**
 * Asks IAM for the credential report. IAM reuses a report younger than 4 hours (COMPLETE at once);
 * otherwise it builds one, and polling GetCredentialReport both waits for it and downloads it,
 * one call per poll. Polls back off from 0.2 s to 2 s, bounded by ctx.reportTimeoutMs of waiting
 * (60 s by default). The report's GeneratedTime is what the evidence shows as its age.
 */
export const credentialReportCollector: Collector = {
  name: 'IAM credential report',
  parts: ['credentialReport'],
  async collect(ctx) {
    const generate = await requestReport(ctx);
    if (generate) return { parts: { credentialReport: generate } };
    // The bound counts time spent waiting, so a test with an instant sleep sees exactly the polls
    // a real scan would make.
    let waited = 0;
    let wait = 200;
    let lastState: string;
    for (;;) {
      try {
        const out = await ctx.send(() => ctx.clients.iam.send(new GetCredentialReportCommand({})));
        const report = fromCredentialReport(out, 'GetCredentialReport');
        return { parts: { credentialReport: { source: 'credential-report', action: GET, observedAt: report.generatedTime, data: report } } };
      } catch (error) {
        const code = errorCode(error);
        if (MUST_GENERATE.has(code)) {
          const again = await requestReport(ctx);
          if (again) return { parts: { credentialReport: again } };
        } else if (!IN_PROGRESS.has(code)) {
          return { parts: { credentialReport: failed(GET, error) } };
        }
        lastState = code;
      }
      if (waited + wait > ctx.reportTimeoutMs) {
        const seconds = Math.round(ctx.reportTimeoutMs / 1000);
        return { parts: { credentialReport: { error: { code: 'ReportTimeout', message: `IAM did not finish the credential report within ${seconds} s (last answer ${lastState})`, action: GET } } } };
      }
      ctx.progress({ type: 'waiting-for-report', waitedMs: waited });
      await ctx.sleep(wait);
      waited += wait;
      wait = Math.min(wait * 2, 2_000);
    }
  },
};

/** GenerateCredentialReport; an error part when it cannot even be asked for, else undefined. */
async function requestReport(ctx: CollectContext): Promise<PartJson | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ctx.send(() => ctx.clients.iam.send(new GenerateCredentialReportCommand({})));
      return undefined;
    } catch (error) {
      // LimitExceeded: too many reports requested at once in this account; wait and ask again.
      if (!BUSY.has(errorCode(error)) || attempt >= 5) return failed(GENERATE, error);
      await ctx.sleep(1_000);
    }
  }
}
