// `scan --security-hub`: the one write call a scan can make, and only with that flag. It is kept
// out of SCAN_ACTIONS so that the published read-only policy never allows it; `lockdown policy
// --security-hub` adds it as a statement of its own. A module of its own so that printing the
// policy loads no AWS SDK.

export const SECURITY_HUB_ACTION = 'securityhub:BatchImportFindings';
