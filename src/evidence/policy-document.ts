import { z } from 'zod';
import { ShapeError } from '../errors.js';
import { stringList } from './parts/define.js';
import { msg } from '../i18n/index.js';

// The evidence's form of a policy document: the statements, each normalised.
const statement = z.strictObject({
  sid: z.string().optional(),
  effect: z.enum(['Allow', 'Deny']),
  actions: stringList.optional(),
  notActions: stringList.optional(),
  resources: stringList.optional(),
  notResources: stringList.optional(),
  hasCondition: z.boolean(),
});
export const policyDocument = z.strictObject({ statements: z.array(statement) });
export type PolicyDocument = z.output<typeof policyDocument>;
export type PolicyDocumentJson = z.input<typeof policyDocument>;
export type PolicyStatement = z.output<typeof statement>;

const list = (v: unknown): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v.map(String) : [String(v)]);

/**
 * IAM policy documents arrive URL-encoded from the API and the SDK, as objects from the AWS CLI,
 * and as plain JSON text from some exports. Statement, Action and Resource may each be a single
 * value or a list. Everything becomes the evidence's statement list.
 */
export function normalisePolicyDocument(raw: unknown, field: string): PolicyDocumentJson {
  let doc = raw;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc.trimStart().startsWith('{') ? doc : decodeURIComponent(doc));
    } catch {
      // decodeURIComponent throws URIError on a truncated escape: still "not JSON", with the field named.
      throw new ShapeError(msg('policyNotJson', { field }));
    }
  }
  if (typeof doc !== 'object' || doc === null) throw new ShapeError(msg('policyNotObject', { field }));
  const rawStatements = (doc as { Statement?: unknown }).Statement;
  const statements = rawStatements === undefined ? [] : Array.isArray(rawStatements) ? rawStatements : [rawStatements];
  return {
    statements: statements.map((s: Record<string, unknown>, i) => {
      if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw new ShapeError(msg('policyBadEffect', { field: `${field}.Statement[${i}].Effect` }));
      return {
        ...(typeof s.Sid === 'string' ? { sid: s.Sid } : {}),
        effect: s.Effect,
        ...(s.Action !== undefined ? { actions: list(s.Action) } : {}),
        ...(s.NotAction !== undefined ? { notActions: list(s.NotAction) } : {}),
        ...(s.Resource !== undefined ? { resources: list(s.Resource) } : {}),
        ...(s.NotResource !== undefined ? { notResources: list(s.NotResource) } : {}),
        hasCondition: s.Condition !== undefined && Object.keys(s.Condition as object).length > 0,
      };
    }),
  };
}
