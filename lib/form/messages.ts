/** Ajv errors rewritten for the person editing the form. */
import type { ErrorObject } from 'ajv';

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a map of settings',
  array: 'a list',
  null: 'null',
};

function show(value: unknown): string {
  return typeof value === 'string' ? (value === '' ? '""' : value) : JSON.stringify(value);
}

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : `${n} ${many}`;
}

const FORMAT_NAMES: Record<string, string> = {
  email: 'an email address',
  uri: 'a URL',
  url: 'a URL',
  hostname: 'a host name',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time (RFC 3339)',
  time: 'a time',
  duration: 'an ISO 8601 duration',
  uuid: 'a UUID',
  regex: 'a regular expression',
};

/** A sentence for one ajv error, or undefined when the error only restates others (`if`). */
export function describeError(error: ErrorObject): string | undefined {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependencies':
    case 'dependentRequired':
      return 'Required.';
    case 'type': {
      const types = String(p.type).split(',').map((t) => TYPE_NAMES[t] ?? t);
      return `Must be ${orList(types)}.`;
    }
    case 'enum':
      return `Must be one of: ${(p.allowedValues as unknown[]).map(show).join(', ')}.`;
    case 'const':
      return `Must be ${show(p.allowedValue)}.`;
    case 'minimum':
      return `Must be at least ${p.limit}.`;
    case 'maximum':
      return `Must be at most ${p.limit}.`;
    case 'exclusiveMinimum':
      return `Must be greater than ${p.limit}.`;
    case 'exclusiveMaximum':
      return `Must be less than ${p.limit}.`;
    case 'multipleOf':
      return `Must be a multiple of ${p.multipleOf}.`;
    case 'minLength':
      return p.limit === 1 ? 'Must not be empty.' : `Must be at least ${p.limit} characters long.`;
    case 'maxLength':
      return `Must be at most ${p.limit} characters long.`;
    case 'pattern':
      return `Does not have the expected format (${p.pattern}).`;
    case 'format':
      return `Must be ${FORMAT_NAMES[String(p.format)] ?? `a valid ${p.format}`}.`;
    case 'minItems':
      return `Add at least ${plural(Number(p.limit), 'one entry', 'entries')}.`;
    case 'maxItems':
      return `At most ${plural(Number(p.limit), 'one entry', 'entries')} allowed.`;
    case 'uniqueItems':
      return `Entries ${Number(p.j) + 1} and ${Number(p.i) + 1} are the same.`;
    case 'minProperties':
      return `Add at least ${plural(Number(p.limit), 'one entry', 'entries')}.`;
    case 'maxProperties':
      return `At most ${plural(Number(p.limit), 'one entry', 'entries')} allowed.`;
    case 'additionalProperties':
      return 'Not a setting of this chart.';
    case 'propertyNames':
      return `Key ${show(p.propertyName)} is not allowed.`;
    case 'not':
      return 'This value is not allowed here.';
    case 'anyOf':
    case 'oneOf':
      return 'Does not match any of the allowed forms.';
    case 'contains':
      return 'No entry has the required form.';
    case 'if':
    case 'false schema':
      return error.keyword === 'if' ? undefined : 'Not allowed.';
    default: {
      const text = error.message ?? 'Invalid value';
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    }
  }
}
