import { z } from 'zod';
import { toIso } from '../timestamps.js';
import { arr, compact, obj, optional } from './aws-shape.js';
import { definePart, isoDate } from './define.js';

const virtualMfaDevice = z.strictObject({
  serialNumber: z.string(),
  userArn: z.string().optional(),
  enableDate: isoDate.optional(),
});
export type VirtualMfaDevice = z.output<typeof virtualMfaDevice>;

export function fromVirtualMfaDevices(raw: unknown) {
  return arr(obj(raw, 'ListVirtualMFADevices').VirtualMFADevices, 'VirtualMFADevices').map((d, i) => {
    const user = d.User === undefined ? undefined : obj(d.User, `VirtualMFADevices[${i}].User`);
    return compact({
      serialNumber: d.SerialNumber,
      userArn: optional(user?.Arn),
      enableDate: d.EnableDate === undefined ? undefined : toIso(d.EnableDate, `VirtualMFADevices[${i}].EnableDate`),
    });
  });
}

export const virtualMfaDevicesPart = definePart({
  data: z.array(virtualMfaDevice),
  actions: ['iam:ListVirtualMFADevices'],
  exports: [
    { file: 'iam-list-virtual-mfa-devices', args: ['iam', 'list-virtual-mfa-devices', '--assignment-status', 'Assigned'], action: 'iam:ListVirtualMFADevices', normalise: fromVirtualMfaDevices },
  ],
});
