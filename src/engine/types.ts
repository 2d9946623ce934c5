import type { Config } from '../config/config.js';
import type { Evidence, EvidenceSource, Part, Partition } from '../evidence/schema.js';
import type { Params } from '../i18n/index.js';

export const STATUSES = ['FAIL', 'ERROR', 'MANUAL', 'PASS', 'NOT_APPLICABLE'] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RESOURCE_TYPES = [
  'AwsAccount',
  'AwsAccountRoot',
  'AwsIamPasswordPolicy',
  'AwsIamUser',
  'AwsIamPolicy',
  'AwsIamRole',
  'AwsIamServerCertificate',
  'AwsAccessAnalyzerRegion',
  'AwsAccountContact',
  'AwsOrganization',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface Resource {
  type: ResourceType;
  arn: string;
  name: string;
  region?: string;
}

export { LANGS, type Lang, type Param, type Params } from '../i18n/index.js';

/** What a check says about one resource. Words come later, from the message catalogue. */
export interface Outcome<M extends string = string> {
  status: Status;
  resource: Resource;
  messageId: M;
  params: Params;
}

export interface EvidenceRef {
  part: string;
  source: EvidenceSource;
  action?: string | undefined;
  observedAt: string;
}

/** A finding before it is put into words: the engine's output, the mutelist's input. */
export interface Finding {
  id: string;
  checkId: string;
  status: Status;
  severity: Severity;
  accountId: string;
  partition: Partition;
  region: string;
  resource: Resource;
  /** `engine.*` ids come from the engine's catalogue, the rest from the check's. */
  messageId: string;
  params: Params;
  evidence: EvidenceRef[];
  compliance: Record<string, string[]>;
  muted: boolean;
  muteReason: string | null;
}

export interface CheckContext<M extends string> {
  readonly account: { id: string; partition: Partition };
  /** Evaluation time: when the evidence was collected, so saved evidence judges the same way later. */
  readonly now: Date;
  readonly config: Config;
  /** The data of a part, or throws EvidenceUnavailable (the engine turns it into ERROR). */
  need<T>(part: Part<T>): T;
  /** The data of a part when it was read, else undefined; for evidence that only refines a verdict. */
  get<T>(part: Part<T>): T | undefined;
  /** Records that a verdict rests on a value from the config file (SPEC §1.3: evidence shows its source). */
  fromConfig(field: string): void;
  readonly resources: ResourceFactory;
  pass(resource: Resource, messageId: M, params?: Params): Outcome<M>;
  fail(resource: Resource, messageId: M, params?: Params): Outcome<M>;
  notApplicable(resource: Resource, messageId: M, params?: Params): Outcome<M>;
  manual(resource: Resource, messageId: M, params?: Params): Outcome<M>;
  /** Evidence was read but cannot decide this resource (e.g. a user missing from the report). */
  error(resource: Resource, messageId: M, params?: Params): Outcome<M>;
}

export interface ResourceFactory {
  account(): Resource;
  root(): Resource;
  passwordPolicy(): Resource;
  contact(type: 'SECURITY' | 'BILLING' | 'OPERATIONS' | 'BILLING+OPERATIONS'): Resource;
  organization(arn?: string): Resource;
  user(name: string, arn: string): Resource;
  policy(name: string, arn: string): Resource;
  role(name: string, arn: string): Resource;
  serverCertificate(name: string, arn: string): Resource;
  analyzerRegion(region: string): Resource;
  consoleUrl(): string;
}

export type { Evidence };
