import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ScanResult } from '../src/engine/result.js';
import { SEVERITIES, STATUSES, type Severity } from '../src/engine/types.js';
import { OCSF_VERSION, renderOcsf } from '../src/report/ocsf.js';
import type { ReportOptions } from '../src/report/options.js';
import { fixedResult, HOSTILE_USER, MUTE_REASON } from './report-fixture.js';

// Our own schema, written from the OCSF 1.3.0 dictionary for exactly the attributes we emit.
const schema = JSON.parse(readFileSync(new URL('fixtures/schemas/ocsf-detection-finding-1.3.0.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const OPTIONS: ReportOptions = { color: false, region: 'eu-west-1' };
// The fields the tests read; the schema checks the rest.
interface Event {
  severity_id: number;
  severity: string;
  status_id: number;
  status: string;
  status_code: string;
  status_detail?: string;
  time: number;
  message: string;
  finding_info: { uid: string; title: string; desc: string; types: string[]; created_time: number; last_seen_time?: number };
  metadata: { version: string; product: { name: string; version: string; lang: string }; event_code: string };
  cloud: { provider: string; account: { uid: string; type_id: number }; region: string };
  resources: { uid: string; name: string; type: string; region: string; cloud_partition: string }[];
  remediation?: { desc: string; references?: string[] };
  unmapped: { compliance: Record<string, string[]>; muted: boolean; mute_reason: string | null };
}
const render = (result: ScanResult) => JSON.parse(renderOcsf(result, OPTIONS)) as Event[];

const en = fixedResult('en');
const nl = fixedResult('nl');

describe('ocsf reporter', () => {
  it('writes one Detection Finding per finding, each valid against the OCSF 1.3.0 schema', () => {
    for (const result of [en, nl]) {
      const events = render(result);
      assert.ok(Array.isArray(events));
      assert.equal(events.length, result.findings.length);
      for (const event of events) assert.ok(validate(event), `${JSON.stringify(validate.errors, null, 2)}\n${JSON.stringify(event).slice(0, 400)}`);
    }
  });

  it('the schema rejects what OCSF forbids: a time in seconds, a wrong caption, an unknown attribute', () => {
    const event = render(en)[0] as Event;
    assert.ok(validate(event));
    assert.equal(validate({ ...event, time: Math.floor(event.time / 1000) }), false);
    assert.equal(validate({ ...event, severity: 'Critical', severity_id: 4 }), false);
    assert.equal(validate({ ...event, status: 'Muted' }), false);
    assert.equal(validate({ ...event, compliance: { standards: ['CIS'] } }), false, 'Detection Finding 1.3.0 has no compliance attribute');
    assert.equal(validate({ ...event, finding_info: { ...event.finding_info, uid: undefined } }), false);
    const { metadata: _metadata, ...noMetadata } = event;
    assert.equal(validate(noMetadata), false);
  });

  it('maps severity, status and our verdict', () => {
    const events = render(en);
    const ids = { info: 1, low: 2, medium: 3, high: 4, critical: 5 } satisfies Record<Severity, number>;
    for (const [i, f] of en.findings.entries()) {
      const e = events[i] as Event;
      assert.equal(e.severity_id, ids[f.severity]);
      assert.equal(e.status_code, f.status);
      assert.equal(e.status_id, f.muted ? 3 : 1);
      assert.equal(e.finding_info.uid, f.id);
      assert.equal(e.finding_info.title, f.title);
      assert.equal(e.finding_info.desc, f.message);
      assert.equal(e.metadata.event_code, f.checkId);
      assert.deepEqual(e.unmapped.compliance, f.compliance);
      assert.deepEqual(e.resources, [{ uid: f.resource.arn, name: f.resource.name, type: f.resource.type, region: f.region, cloud_partition: 'aws' }]);
    }
    assert.deepEqual(new Set(events.map((e) => e.status_code)), new Set(STATUSES));
    assert.deepEqual(new Set(events.map((e) => e.severity_id)), new Set(SEVERITIES.map((s) => ids[s])));
  });

  it('marks the muted finding Suppressed with the mutelist reason', () => {
    const muted = render(en).filter((e) => e.status_id === 3);
    assert.equal(muted.length, 1);
    assert.equal(muted[0]?.status, 'Suppressed');
    assert.equal(muted[0]?.status_detail, MUTE_REASON);
    assert.equal(muted[0]?.unmapped.mute_reason, MUTE_REASON);
    assert.equal(render(en).filter((e) => e.status_detail !== undefined).length, 1);
  });

  it('declares the OCSF version and the product, and times in epoch milliseconds', () => {
    const e = render(en)[0] as Event;
    assert.equal(OCSF_VERSION, '1.3.0');
    assert.equal(e.metadata.version, '1.3.0');
    assert.deepEqual(e.metadata.product, { name: 'aws-lockdown', vendor_name: 'aws-lockdown', version: en.tool.version, lang: 'en' });
    assert.equal(e.time, Date.parse(en.scan.finishedAt));
    assert.equal(e.finding_info.created_time, e.time);
    // IAM findings are 'global': the event names the scan's region; regional findings their own.
    const global = render(en).find((x) => x.resources[0]?.region === 'global');
    assert.deepEqual(global?.cloud, { provider: 'AWS', account: { uid: '123456789012', type_id: 10, type: 'AWS Account' }, region: 'eu-west-1' });
    const regional = render(en).find((x) => x.resources[0]?.region !== 'global');
    assert.equal(regional?.cloud.region, regional?.resources[0]?.region);
    const observed = en.findings[0]?.evidence.observedAt;
    assert.equal(e.finding_info.last_seen_time, observed ? Date.parse(observed) : undefined);
  });

  it('gives remediation (with console links as references) only where something is to be done', () => {
    const events = render(en);
    for (const [i, f] of en.findings.entries()) {
      const e = events[i] as Event;
      if (!f.remediation) {
        assert.equal(e.remediation, undefined);
        continue;
      }
      assert.ok(e.remediation?.desc.startsWith(f.remediation.summary));
      for (const step of f.remediation.steps) assert.ok(e.remediation?.desc.includes(step));
      if (f.remediation.cli) assert.ok(e.remediation?.desc.endsWith(`Command: ${f.remediation.cli}`));
      for (const ref of e.remediation?.references ?? []) assert.match(ref, /^https:\/\/[^\s)]+[^\s).,;:]$/);
    }
    const rootMfa = events.find((e) => e.metadata.event_code === 'root-mfa');
    assert.deepEqual(rootMfa?.remediation?.references, ['https://console.aws.amazon.com']);
  });

  it('keeps the texts in the result language and hostile names as plain JSON strings', () => {
    const events = render(nl);
    const e = events.find((x) => x.metadata.event_code === 'root-mfa' && x.remediation);
    assert.equal(e?.finding_info.title, nl.checks['root-mfa']?.title);
    assert.ok(e?.remediation?.desc.includes('Log in als root'));
    assert.equal(e?.metadata.product.lang, 'nl');
    assert.equal(e?.severity, 'Critical', 'OCSF captions stay OCSF words');
    assert.ok(events.some((x) => x.resources[0]?.name === HOSTILE_USER));
  });
});
