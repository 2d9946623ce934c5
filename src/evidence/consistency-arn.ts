/** The parts of an ARN this module judges: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

const ARN = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/;

export function parseArn(value: string): ArnParts | undefined {
  const m = ARN.exec(value);
  if (!m) return undefined;
  return { partition: m[1] as string, service: m[2] as string, region: m[3] as string, account: m[4] as string, resource: m[5] as string };
}
