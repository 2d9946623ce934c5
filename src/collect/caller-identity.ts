import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ScanUnavailableError } from '../errors.js';
import { fromCallerIdentity } from '../evidence/caller-identity.js';
import { IDENTITY_CALL } from '../evidence/parts/index.js';
import type { Clients } from './clients.js';
import { errorCode } from './collector.js';
import { profileExists, profileFiles } from './profiles.js';
import { msg, type Message } from '../i18n/index.js';

export const CALLER_IDENTITY_ACTION = IDENTITY_CALL.action;

const REJECTED = new Set(['ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException', 'AccessDenied', 'InvalidAccessKeyId']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT', 'TimeoutError']);

/** Where the credentials came from, in the words a user would recognise. */
function credentialSource(options: { profile?: string; env: NodeJS.ProcessEnv }): Message {
  if (options.profile) return msg('sourceProfile', { profile: options.profile });
  if (options.env.AWS_ACCESS_KEY_ID) return msg('sourceEnvKeys');
  if (options.env.AWS_PROFILE) return msg('sourceEnvProfile', { profile: options.env.AWS_PROFILE });
  return msg('sourceChain');
}

/**
 * The account and partition of the credentials. Without working credentials nothing else can be
 * read, so every failure here stops the scan (exit 3) with a one-line cause and hint.
 */
export async function callerIdentity(clients: Clients, options: { profile?: string; endpoint?: string; env: NodeJS.ProcessEnv }) {
  try {
    const out = await clients.sts.send(new GetCallerIdentityCommand({}));
    const identity = fromCallerIdentity(out);
    return { accountId: identity.id, partition: identity.partition, arn: identity.callerArn };
  } catch (error) {
    const code = errorCode(error);
    const cause = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code ?? code;
    if (code === 'CredentialsProviderError') {
      const profile = options.profile ?? (options.env.AWS_ACCESS_KEY_ID ? undefined : options.env.AWS_PROFILE);
      if (profile !== undefined && !profileExists(profile, options.env)) {
        throw new ScanUnavailableError(msg('profileMissing', { profile, ...profileFiles(options.env) }));
      }
      throw new ScanUnavailableError(msg('noCredentials'));
    }
    if (REJECTED.has(code)) {
      throw new ScanUnavailableError(msg('credentialsRejected', { source: credentialSource(options), code, detail: (error as Error).message }));
    }
    if (UNREACHABLE.has(cause)) {
      const where = options.endpoint ?? options.env.AWS_ENDPOINT_URL_STS ?? options.env.AWS_ENDPOINT_URL ?? 'the AWS STS endpoint';
      throw new ScanUnavailableError(msg('unreachable', { where, code: cause }));
    }
    throw new ScanUnavailableError(msg('noIdentity', { code: code || 'error', detail: (error as Error).message }));
  }
}
