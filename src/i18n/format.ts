import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Lang } from './lang.js';
import type { Param, Params, Term } from './params.js';
import { TERMS } from './terms.js';

// Catalogue messages are ICU MessageFormat: `{name}`, `{count, plural, one {# key} other {# keys}}`,
// `{kind, select, user {…} other {…}}`. Apostrophes are always literal text here (ICU would start
// a quoted section at `'{`), because the catalogues quote names and values the way prose does.
// Each template is compiled once into a function: a scan fills the same few hundred templates
// tens of thousands of times, and a general ICU formatter costs ~10 µs a call.

type Values = Readonly<Record<string, string | number | undefined>>;
type Compiled = (values: Values, pound?: number) => string;

const compiled: Record<Lang, Map<string, Compiled>> = { en: new Map(), nl: new Map() };
// Made on first use: creating Intl objects loads locale data (~15 ms), which `--version` and
// `checks` never need (bench/startup).
const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};
const lists: Partial<Record<Lang, Intl.ListFormat>> = {};
const pluralRulesOf = (lang: Lang) => (pluralRules[lang] ??= new Intl.PluralRules(lang));
const listOf = (lang: Lang) => (lists[lang] ??= new Intl.ListFormat(lang, { type: 'conjunction' }));
let dutchDates: Intl.DateTimeFormat | undefined;
const dates: Record<Lang, ((iso: string) => string) | undefined> = {
  // English keeps ISO dates (unambiguous for every reader); Dutch writes "21 november 2026".
  en: undefined,
  nl: (iso) => (dutchDates ??= new Intl.DateTimeFormat('nl', { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(`${iso}T00:00:00Z`)),
};

function compile(template: string, lang: Lang): Compiled {
  const ast = parse(template.replace(/'/g, "''"), { ignoreTag: true, requiresOtherClause: true });
  return compileElements(ast, lang);
}

function compileElements(elements: MessageFormatElement[], lang: Lang): Compiled {
  const parts = elements.map((element) => compileElement(element, lang));
  if (parts.length === 1) return parts[0] as Compiled;
  return (values, pound) => {
    let out = '';
    for (const part of parts) out += part(values, pound);
    return out;
  };
}

function compileElement(element: MessageFormatElement, lang: Lang): Compiled {
  switch (element.type) {
    case TYPE.literal: {
      const text = element.value;
      return () => text;
    }
    case TYPE.pound:
      return (_values, pound) => (pound === undefined ? '#' : String(pound));
    case TYPE.plural: {
      const key = element.value;
      const options = Object.fromEntries(Object.entries(element.options).map(([k, o]) => [k, compileElements(o.value, lang)]));
      const rules = element.pluralType === 'ordinal' ? new Intl.PluralRules(lang, { type: 'ordinal' }) : pluralRulesOf(lang);
      return (values) => {
        const n = Number(values[key]);
        const option = options[`=${n}`] ?? options[rules.select(n - element.offset)] ?? (options.other as Compiled);
        return option(values, n - element.offset);
      };
    }
    case TYPE.select: {
      const key = element.value;
      const options = Object.fromEntries(Object.entries(element.options).map(([k, o]) => [k, compileElements(o.value, lang)]));
      return (values, pound) => ((Object.hasOwn(options, String(values[key])) ? options[String(values[key])] : options.other) as Compiled)(values, pound);
    }
    default: {
      // Plain arguments, and number/date arguments shown as given: an unknown one stays visible.
      const key = 'value' in element ? String(element.value) : '';
      return (values) => {
        const value = values[key];
        return value === undefined ? `{${key}}` : String(value);
      };
    }
  }
}

/** Fills an ICU template in one language with plain values (already in words). */
export function formatTemplate(lang: Lang, template: string, values: Values): string {
  let fn = compiled[lang].get(template);
  if (!fn) compiled[lang].set(template, (fn = compile(template, lang)));
  return fn(values);
}

/** Puts one parameter into words: terms from the vocabulary, lists the language's way, dates in its form. */
export function formatParam(lang: Lang, value: Param): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('term' in value) return formatTerm(lang, value);
  if ('date' in value) return dates[lang]?.(value.date) ?? value.date;
  const items = value.list.map((item) => (typeof item === 'string' ? item : formatTerm(lang, item)));
  if (value.more) items.push(formatTemplate(lang, TERMS[lang].more, { count: value.more }));
  return listOf(lang).format(items);
}

function formatTerm(lang: Lang, value: Term): string {
  const template = TERMS[lang][value.term] as string | undefined;
  return template === undefined ? value.term : formatTemplate(lang, template, value.args ?? {});
}

/** A catalogue message with language-neutral parameters, in one language. */
export function formatMessage(lang: Lang, template: string, params: Readonly<Params>): string {
  const values: Record<string, string | number> = {};
  for (const key in params) values[key] = formatParam(lang, params[key] as Param);
  return formatTemplate(lang, template, values);
}

/** Every placeholder name a template uses, plural and select keys included, sorted. */
export function templateArguments(template: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) names.add(e.value);
      if (e.type === TYPE.plural || e.type === TYPE.select) {
        names.add(e.value);
        for (const o of Object.values(e.options)) walk(o.value);
      }
    }
  };
  walk(parse(template.replace(/'/g, "''"), { ignoreTag: true, requiresOtherClause: true }));
  return [...names].sort();
}
