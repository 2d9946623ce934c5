// The one door into live collection from outside src/collect/, always opened with a dynamic
// `await import('../collect/live.js')`: everything behind it loads the AWS SDK, which only a live
// scan should pay for (bench/startup; test/lazy-sdk.test.ts enforces it).

export { openSession, sessionFrom, type AwsSession, type SessionOptions } from './session.js';
export { collectEvidence, type CollectOptions } from './collect.js';
export { clientConfig, configuredRegion, makeClients, type Credentials } from './clients.js';
export { callerIdentity } from './caller-identity.js';
export { errorCode } from './collector.js';
export type { CollectEvent } from './collector.js';
export { collectMemberRootCredentials, type MemberRootCredentialsTarget } from './member-root-credentials.js';
export { collectServiceControlPolicies, memberServiceControlPolicies, type OrganizationScpsRead, type ScpMember } from './service-control-policies.js';
