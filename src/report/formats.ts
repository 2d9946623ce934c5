/** Every output format; its own module so that `--help` can list them without loading a reporter. */
export const FORMATS = ['table', 'json', 'csv', 'html', 'sarif', 'ocsf', 'asff', 'junit', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
