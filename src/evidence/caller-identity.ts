import { ShapeError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { obj } from './parts/aws-shape.js';

/** GetCallerIdentity → whose evidence it is: the account, its partition and the caller. */
export function fromCallerIdentity(raw: unknown) {
  const r = obj(raw, 'GetCallerIdentity');
  const arn = String(r.Arn ?? '');
  const match = /^arn:(aws|aws-us-gov|aws-cn):[a-z]+::(\d{12}):/.exec(arn);
  if (!match) throw new ShapeError(msg('expectedCallerArn', { value: JSON.stringify(r.Arn) }));
  return { id: String(r.Account ?? match[2]), partition: match[1] as string, callerArn: arn };
}
