import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';
import { engineMessages, placeholders, type Texts } from '../src/engine/text.js';
import { FRAMEWORKS, UNMAPPED, complianceIndex } from '../src/frameworks/index.js';
import { EXPLAIN_TEXT } from '../src/cli/catalogue.js';
import { HELP_TEXT } from '../src/cli/help-text.js';
import { templateArguments } from '../src/i18n/index.js';
import { MESSAGES } from '../src/i18n/messages.js';
import { TERMS } from '../src/i18n/terms.js';
import { ASFF_TEXT } from '../src/report/asff.js';
import { CSV_TEXT } from '../src/report/csv.js';
import { HTML_TEXT } from '../src/report/html.js';
import { JUNIT_TEXT } from '../src/report/junit.js';
import { MARKDOWN_TEXT, PLACEHOLDER_TEXT } from '../src/report/markdown.js';
import { OCSF_TEXT } from '../src/report/ocsf.js';
import { SARIF_TEXT } from '../src/report/sarif.js';
import { SEVERITY_LABELS, STATUS_LABELS, TABLE_TEXT, VERDICT_LABELS } from '../src/report/labels.js';

// The registry polices itself (STYLE.md §11): what is on disk is what runs, and every check
// carries its words in both languages, a test table and a framework mapping or a reason.

const CHECKS_DIR = new URL('../src/checks/', import.meta.url);
const files = readdirSync(CHECKS_DIR);
const checkFiles = files.filter((f) => f.endsWith('.ts') && !/\.(test|text)\.ts$/.test(f) && f !== 'registry.ts').map((f) => f.slice(0, -3));
const ids = CHECKS.map((c) => c.id);

/** Every string of a Texts object with a path, so en and nl can be compared item by item. */
function strings(t: Texts<string>): Map<string, string> {
  const out = new Map<string, string>([
    ['title', t.title],
    ['risk', t.risk],
    ['fixSummary', t.fixSummary],
  ]);
  t.fixSteps.forEach((s, i) => out.set(`fixSteps[${i}]`, s));
  for (const [id, s] of Object.entries(t.messages)) out.set(`messages.${id}`, s);
  return out;
}

describe('check registry', () => {
  it('lists exactly the check files on disk, sorted by id', () => {
    assert.deepEqual([...ids].sort(), [...checkFiles].sort());
    assert.deepEqual(ids, [...ids].sort(), 'registry is sorted by id');
  });

  it('has unique kebab-case ids, and aliases that collide with no id', () => {
    assert.equal(new Set(ids).size, ids.length);
    for (const check of CHECKS) assert.match(check.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, check.id);
    const aliases = CHECKS.flatMap((c) => c.aliases ?? []);
    assert.equal(new Set(aliases).size, aliases.length, 'aliases are unique');
    for (const alias of aliases) assert.ok(!ids.includes(alias), `alias ${alias} is also a check id`);
  });

  it('keeps every finding id across renames: a permanent key is the check id or one of its former ids, and unique', () => {
    const keys = CHECKS.map((c) => c.releasedAs ?? c.id);
    assert.equal(new Set(keys).size, keys.length, 'two checks hash the same key');
    for (const check of CHECKS) {
      if (check.releasedAs !== undefined) assert.ok(check.aliases?.includes(check.releasedAs), `${check.id}: releasedAs ${check.releasedAs} is not one of its aliases`);
      assert.ok(Number.isInteger(check.version ?? 1) && (check.version ?? 1) >= 1, `${check.id}: version is a whole number from 1`);
    }
  });

  it('covers the SPEC §3 catalogue in docs/SPEC.md', () => {
    const spec = readFileSync(new URL('../docs/SPEC.md', import.meta.url), 'utf8');
    const specIds = [...spec.matchAll(/^\| `([a-z0-9-]+)`/gm)].map((m) => m[1] as string);
    const expanded = specIds.flatMap((id) =>
      id === 'password-policy-uppercase' ? ['password-policy-uppercase', 'password-policy-lowercase', 'password-policy-numbers', 'password-policy-symbols'] : [id],
    );
    assert.deepEqual(expanded.filter((id) => !ids.includes(id)), []);
  });

  for (const check of CHECKS) {
    describe(check.id, () => {
      it('has English and Dutch text with the same items and placeholders', () => {
        const en = strings(check.text.en);
        const nl = strings(check.text.nl);
        assert.deepEqual([...nl.keys()], [...en.keys()]);
        for (const [key, text] of en) {
          assert.ok(text.trim().length > 0, `${key} is empty`);
          // Messages are ICU (plurals, selects): their arguments, nested ones included, must match.
          const args = key.startsWith('messages.') ? templateArguments : placeholders;
          assert.deepEqual(args(nl.get(key) as string), args(text), `${check.id} ${key}: placeholders differ`);
          if (key !== 'fixSummary' && !key.startsWith('fix') && !key.startsWith('messages.')) {
            assert.deepEqual(placeholders(text), [], `${check.id} ${key} is shown without a finding, so it takes no placeholders`);
          }
        }
        assert.notEqual(check.text.nl.title, check.text.en.title, 'the Dutch title is translated');
      });

      it('has a test table run through checkTester', () => {
        const name = `${check.id}.test.ts`;
        assert.ok(files.includes(name), `${name} is missing`);
        assert.match(readFileSync(new URL(name, CHECKS_DIR), 'utf8'), /checkTester\.run\(/);
      });

      it('has a framework mapping or a stated reason for none', () => {
        const mapped = complianceIndex().has(check.id);
        const reason = UNMAPPED[check.id];
        assert.ok(mapped !== (reason !== undefined), mapped ? 'mapped and also listed as unmapped' : 'neither mapped nor given a reason');
      });
    });
  }

  it('frameworks name only known check ids, each requirement at most once', () => {
    const known = new Set([...ids, ...CHECKS.flatMap((c) => c.aliases ?? [])]);
    for (const framework of FRAMEWORKS) {
      const reqIds = framework.requirements.map((r) => r.id);
      assert.equal(new Set(reqIds).size, reqIds.length, `${framework.id} repeats a requirement`);
      for (const requirement of framework.requirements) {
        for (const id of requirement.checks) assert.ok(known.has(id), `${framework.id} ${requirement.id} names unknown check ${id}`);
      }
    }
  });
});

describe('shared catalogues', () => {
  // ICU catalogues are compared by their arguments (plural and select keys included).
  const icu: [string, Record<string, string>, Record<string, string>][] = [
    ['engine messages', engineMessages.en, engineMessages.nl],
    ['CLI messages', MESSAGES.en, MESSAGES.nl],
    ['terms', TERMS.en, TERMS.nl],
  ];
  for (const [name, en, nl] of icu) {
    it(`${name}: the same keys and ICU arguments in en and nl`, () => {
      assert.deepEqual(Object.keys(nl), Object.keys(en));
      for (const [key, text] of Object.entries(en)) assert.deepEqual(templateArguments(nl[key] as string), templateArguments(text), `${name} ${key}`);
    });
  }

  const pairs: [string, Record<string, string>, Record<string, string>][] = [
    ['status labels', STATUS_LABELS.en, STATUS_LABELS.nl],
    ['severity labels', SEVERITY_LABELS.en, SEVERITY_LABELS.nl],
    ['table text', TABLE_TEXT.en, TABLE_TEXT.nl],
    ['verdict labels', VERDICT_LABELS.en, VERDICT_LABELS.nl],
    ['CLI help', HELP_TEXT.en, HELP_TEXT.nl],
    ['explain', EXPLAIN_TEXT.en, EXPLAIN_TEXT.nl],
    ['HTML report', HTML_TEXT.en, HTML_TEXT.nl],
    ['SARIF report', SARIF_TEXT.en, SARIF_TEXT.nl],
    ['OCSF report', OCSF_TEXT.en, OCSF_TEXT.nl],
    ['ASFF report', ASFF_TEXT.en, ASFF_TEXT.nl],
    ['CSV report', CSV_TEXT.en, CSV_TEXT.nl],
    ['JUnit report', JUNIT_TEXT.en, JUNIT_TEXT.nl],
    ['Markdown report', MARKDOWN_TEXT.en, MARKDOWN_TEXT.nl],
    ['Markdown placeholders', PLACEHOLDER_TEXT.en, PLACEHOLDER_TEXT.nl],
  ];
  for (const [name, en, nl] of pairs) {
    it(`${name}: the same keys and placeholders in en and nl`, () => {
      assert.deepEqual(Object.keys(nl), Object.keys(en));
      for (const [key, text] of Object.entries(en)) assert.deepEqual(placeholders(nl[key] as string), placeholders(text), `${name} ${key}`);
    });
  }
});
