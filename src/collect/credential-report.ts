import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { fromCredentialReport } from '../evidence/normalise.js';
import { errorCode, failed, type Collector, type PartJson } from './collector.js';

const GET = 'iam:GetCredentialReport';
const GENERATE = 'iam:GenerateCredentialReport';

/**
 * Asks IAM to (re)build the credential report and polls until it is COMPLETE, with backoff,
 * bounded by ctx.reportTimeoutMs (~60 s). IAM reuses a report younger than 4 hours, so most
 * scans see COMPLETE at once; the report's GeneratedTime is what the evidence shows as its age.
 */
export const credentialReportCollector: Collector = {
  name: 'IAM credential report',
  parts: ['credentialReport'],
  actions: [GENERATE, GET],
  async collect(ctx) {
    const deadline = Date.now() + ctx.reportTimeoutMs;
    let wait = 500;
    for (;;) {
      let state: string | undefined;
      try {
        state = (await ctx.send(() => ctx.clients.iam.send(new GenerateCredentialReportCommand({})))).State;
      } catch (error) {
        // LimitExceeded: too many reports requested at once in this account; wait like for INPROGRESS.
        if (errorCode(error) !== 'LimitExceeded' && errorCode(error) !== 'LimitExceededException') return { parts: { credentialReport: failed(GENERATE, error) } };
      }
      if (state === 'COMPLETE') break;
      if (Date.now() + wait > deadline) {
        const seconds = Math.round(ctx.reportTimeoutMs / 1000);
        return { parts: { credentialReport: { error: { code: 'ReportTimeout', message: `IAM did not finish the credential report within ${seconds} s (last state ${state ?? 'LimitExceeded'})`, action: GENERATE } } } };
      }
      ctx.progress(`Waiting for IAM to generate the credential report (${state ?? 'busy'})`);
      await ctx.sleep(wait);
      wait = Math.min(wait * 2, 4_000);
    }
    return { parts: { credentialReport: await download(ctx) } };
  },
};

async function download(ctx: Parameters<Collector['collect']>[0]): Promise<PartJson> {
  try {
    const out = await ctx.send(() => ctx.clients.iam.send(new GetCredentialReportCommand({})));
    const report = fromCredentialReport(out, 'GetCredentialReport');
    return { source: 'credential-report', action: GET, observedAt: report.generatedTime, data: report };
  } catch (error) {
    // ReportNotPresent / ReportExpired / ReportInProgress here mean IAM changed its mind after
    // COMPLETE; the checks that need the report then say so.
    return failed(GET, error);
  }
}
