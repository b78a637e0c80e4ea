/**
 * Functions that build strings name chartroom's limit (V8's longest string) instead of
 * JavaScript's "Invalid string length", as `until` names its own.
 */
import { describe, expect, test } from 'vitest';
import { removeChart, writeChart } from '../helm/reference';
import { chartroom, errorText } from '../diff/chartroom-cli';
import { MAX_STRING_LENGTH } from '../../lib/go/strings';

function render(template: string) {
  const dir = writeChart({ 'Chart.yaml': 'apiVersion: v2\nname: big\nversion: 0.1.0\n', 'templates/t.yaml': template });
  try {
    return chartroom(['template', 'r', dir]);
  } finally {
    removeChart(dir);
  }
}

describe('strings longer than JavaScript holds', () => {
  test.each([
    ['repeat', 'x: {{ repeat 1073741824 "a" }}\n', `error calling repeat: a string of 1073741824 characters is more than chartroom renders (at most ${MAX_STRING_LENGTH})`],
    ['repeat of a longer text', 'x: {{ repeat 300000000 "ab" }}\n', `error calling repeat: a string of 600000000 characters is more than chartroom renders (at most ${MAX_STRING_LENGTH})`],
  ])('%s', (_name, template, message) => {
    const r = render(template);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(errorText(r.stderr)).toContain(message);
    expect(r.stderr).not.toContain('Invalid string length');
  });
});
