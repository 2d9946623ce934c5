import { z } from 'zod';
import { toIso } from '../timestamps.js';
import { arr, compact, obj } from './aws-shape.js';
import { definePart, isoDate } from './define.js';

const serverCertificate = z.strictObject({
  name: z.string(),
  arn: z.string(),
  expiration: isoDate,
  uploadDate: isoDate.optional(),
});
export type ServerCertificate = z.output<typeof serverCertificate>;

export function fromServerCertificates(raw: unknown) {
  return arr(obj(raw, 'ListServerCertificates').ServerCertificateMetadataList, 'ServerCertificateMetadataList').map((c, i) => compact({
    name: c.ServerCertificateName,
    arn: c.Arn,
    expiration: toIso(c.Expiration, `ServerCertificateMetadataList[${i}].Expiration`),
    uploadDate: c.UploadDate === undefined ? undefined : toIso(c.UploadDate, `ServerCertificateMetadataList[${i}].UploadDate`),
  }));
}

export const serverCertificatesPart = definePart({
  data: z.array(serverCertificate),
  actions: ['iam:ListServerCertificates'],
  exports: [{ file: 'iam-list-server-certificates', args: ['iam', 'list-server-certificates'], action: 'iam:ListServerCertificates', normalise: fromServerCertificates }],
});
