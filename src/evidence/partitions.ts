/** The first region of each partition: where a scan goes when nothing names a region. */
export const PARTITION_REGIONS: Record<string, string> = { aws: 'us-east-1', 'aws-us-gov': 'us-gov-west-1', 'aws-cn': 'cn-north-1' };
