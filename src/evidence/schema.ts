import { z } from 'zod';
import { messageRef, msg } from '../i18n/index.js';
import { isoDate, partSchema, type Part, type PartDef } from './parts/define.js';
import { ORGANIZATION_PARTS, PARTS, REGIONAL_RECORDS } from './parts/index.js';
import type { Analyzer } from './parts/access-analyzers.js';

// The evidence document (SPEC §4), assembled from the part modules in ./parts/. The JSON form is
// what files hold; parsing it gives the domain form that checks read: dates become Date, report
// states stay explicit strings, every part is tagged `ok` so a check can never mistake an error
// for data.

export const EVIDENCE_SCHEMA = 'aws-lockdown/evidence@1';

export const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'] as const;
export type Partition = (typeof PARTITIONS)[number];

export { SOURCES, type EvidenceSource, type Part, type PartError, type PartJson } from './parts/define.js';
export { REPORT_STATES, type ReportState, type ReportTime, type CredentialRow, type CredentialRowJson, type CredentialReport, credentialRow } from './parts/credential-report.js';
export type { AccountSummary } from './parts/account-summary.js';
export type { PasswordPolicy } from './parts/password-policy.js';
export type { VirtualMfaDevice } from './parts/virtual-mfa-devices.js';
export { policyDocument, type PolicyDocument, type PolicyStatement, type AuthorizationDetails, type IamUser, type IamGroup, type ManagedPolicy } from './parts/authorization-details.js';
export type { ServerCertificate } from './parts/server-certificates.js';
export type { AlternateContact } from './parts/alternate-contacts.js';
export type { Organization } from './parts/organization.js';
export type { OrganizationsFeatures } from './parts/organizations-features.js';
export type { Analyzer } from './parts/access-analyzers.js';
export type { MemberRootCredentials } from './parts/member-root-credentials.js';
export type { ServiceControlPolicies, Scp, ScpLevel } from './parts/service-control-policies.js';

// The parts of every scan, then those only an organisation scan fills (see ORGANIZATION_PARTS).
const ALL_PARTS = { ...PARTS, ...ORGANIZATION_PARTS };
type Defs = typeof ALL_PARTS;
export type PartName = keyof Defs;
export type OrganizationPartName = keyof typeof ORGANIZATION_PARTS;
type DataOf<K extends PartName> = Defs[K] extends PartDef<infer D> ? D : never;
export const PART_NAMES = Object.keys(ALL_PARTS) as PartName[];
export const ORGANIZATION_PART_NAMES = Object.keys(ORGANIZATION_PARTS) as OrganizationPartName[];

// Every part a collector can produce. A part absent from a document is filled in as a
// `NotCollected` error by the loader, so that its checks report ERROR rather than PASS.
export const partSchemas = Object.fromEntries(PART_NAMES.map((n) => [n, partSchema(ALL_PARTS[n].data)])) as unknown as {
  [K in PartName]: ReturnType<typeof partSchema<DataOf<K>>>;
};

// The IAM action behind each part, quoted in ERROR findings and in NotCollected errors.
export const PART_ACTIONS = Object.fromEntries(PART_NAMES.map((n) => [n, ALL_PARTS[n].actions[0]])) as Record<PartName, string>;

export const analyzerPart = partSchema(REGIONAL_RECORDS.accessAnalyzers.data);

const partsShape = Object.fromEntries(PART_NAMES.map((n) => [n, partSchemas[n].optional()])) as {
  [K in PartName]: z.ZodOptional<(typeof partSchemas)[K]>;
};

export const evidenceDocument = z.strictObject({
  schema: z.literal(EVIDENCE_SCHEMA),
  account: z.strictObject({
    id: z.string().regex(/^\d{12}$/, { error: () => messageRef(msg('accountId12')) }),
    partition: z.enum(PARTITIONS),
    callerArn: z.string().optional(),
  }),
  collectedAt: isoDate,
  collector: z.enum(['aws-sdk', 'aws-cli-export', 'aws-cli-credential-report', 'console-csv', 'evidence-file', 'demo', 'test']),
  parts: z.strictObject(partsShape),
  // Access Analyzer is regional: one part per enabled region.
  accessAnalyzers: z.record(z.string(), analyzerPart).optional(),
});
export type EvidenceJson = z.input<typeof evidenceDocument>;
type ParsedDocument = z.output<typeof evidenceDocument>;

export type Parts = { [K in PartName]: Part<z.output<DataOf<K>>> };

export interface Evidence extends Omit<ParsedDocument, 'parts' | 'accessAnalyzers'> {
  parts: Parts;
  accessAnalyzers: Record<string, Part<Analyzer[]>>;
}
