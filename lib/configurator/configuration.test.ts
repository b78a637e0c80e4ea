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
});
