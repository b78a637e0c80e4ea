import { describe, expect, it } from 'vitest';
import { mergedValues, newConfiguration, withFormValue, withRelease, withValuesText } from './configuration';

const defaults = { replicas: 2, db: { host: '' } };

describe('configuration', () => {
  it('keeps broken text and the last good overrides', () => {
    const c = withValuesText(newConfiguration('replicas: 3\n'), 'replicas: [3\n');
    expect(c.valuesText).toBe('replicas: [3\n');
    expect(c.parsed.ok).toBe(false);
    expect(c.overrides).toEqual({ replicas: 3 });
    expect(c.revision).toBe(1);
  });
  it('pauses form edits while the text is broken', () => {
    expect(withFormValue(newConfiguration('a: [\n'), ['replicas'], 4, defaults)).toBeNull();
  });
  it('writes form edits into the text', () => {
    const c = withFormValue(newConfiguration('# mine\n'), ['db', 'host'], 'pg', defaults)!;
    expect(c.valuesText).toBe('# mine\n\ndb:\n  host: pg\n');
    expect(mergedValues(c, defaults)).toEqual({ replicas: 2, db: { host: 'pg' } });
  });
  it('a release change is a new revision', () => {
    expect(withRelease(newConfiguration(), { namespace: 'x' })).toMatchObject({ revision: 1, release: { namespace: 'x' } });
  });
  it('an unchanged text is not a new revision', () => {
    const c = newConfiguration('a: 1\n');
    expect(withValuesText(c, 'a: 1\n')).toBe(c);
  });
  it('a map key named __proto__ or constructor is written and read back as data', () => {
    const annotations = Object.fromEntries([['__proto__', 'a'], ['constructor', 'b']]);
    const c = withFormValue(newConfiguration(''), ['podAnnotations'], annotations, defaults)!;
    expect(c.valuesText).toBe('podAnnotations:\n  __proto__: a\n  constructor: b\n');
    const merged = mergedValues(c, defaults);
    expect(Object.getOwnPropertyDescriptor(merged.podAnnotations, '__proto__')?.value).toBe('a');
    expect(Object.keys(merged.podAnnotations as object)).toEqual(['__proto__', 'constructor']);
    // Back to the defaults: the override disappears as for any other key.
    expect(withFormValue(c, ['podAnnotations'], undefined, defaults)!.valuesText).toBe('');
  });
});
