import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChartFromDisk } from '../cli/node-io';
import type { ChartroomConfig } from '../share';
import { chartInfoFromChart } from './chart-info';
import { NO_HELM_VERSION, planRestore, restoreOver } from './restore';
import { DEFAULT_RELEASE } from './release-options';

const info = chartInfoFromChart(loadChartFromDisk(resolve(__dirname, '../../charts/aeterna')));
const config: ChartroomConfig = {
  format: 1,
  chart: { name: 'aeterna', version: info.version },
  release: { name: 'shop', namespace: 'apps' },
  helmVersion: '4.1',
  kubeVersion: 'v1.30.0',
  apiVersions: ['monitoring.coreos.com/v1'],
  values: 'aeterna:\n  replicas: 3\n',
  environments: [{ name: 'prod', values: 'aeterna:\n  replicas: 5\n' }],
};
const file = { kind: 'file', fileName: 'shop-values.zip' } as const;

describe('planRestore', () => {
  it('applies a configuration of this chart: values, release options, environments', () => {
    const plan = planRestore({ ok: true, config }, info, file);
    expect(plan.apply).toEqual({
      valuesText: config.values,
      release: { helmVersion: '4.1', releaseName: 'shop', namespace: 'apps', kubeVersion: '1.30.0', apiVersions: ['monitoring.coreos.com/v1'] },
      environments: config.environments,
    });
    expect(plan.message).toEqual({ kind: 'restored', label: 'Opened configuration', text: 'The configuration from shop-values.zip is open.', notices: [] });
  });

  it('opens a configuration that names no Helm version as Helm 3.17, and says so', () => {
    const { helmVersion: _, ...old } = config;
    const plan = planRestore({ ok: true, config: old }, info, { kind: 'link' });
    expect(plan.apply?.release.helmVersion).toBe('3.17');
    expect(plan.message.notices).toEqual([NO_HELM_VERSION]);
    const h3 = planRestore({ ok: true, config: { ...config, helmVersion: '3.17' } }, info, { kind: 'link' });
    expect(h3.apply?.release.helmVersion).toBe('3.17');
    expect(h3.message.notices).toEqual([]);
  });

  it('passes on the notices about values the chart does not know', () => {
    const plan = planRestore({ ok: true, config: { ...config, values: 'nosuchoption: 1\n' } }, info, { kind: 'link' });
    expect(plan.apply).toBeDefined();
    expect(plan.message.label).toBe('Share link');
    expect(plan.message.notices.join(' ')).toContain('nosuchoption');
  });

  it('changes nothing for another chart, or a configuration that could not be read', () => {
    const other = planRestore({ ok: true, config: { ...config, chart: { name: 'verta', version: '1.0.0' } } }, info, file);
    expect(other.apply).toBeUndefined();
    expect(other.message.kind).toBe('broken');
    expect(other.message.text).toBe('shop-values.zip is for another chart. Your configuration was not changed.');
    expect(other.message.notices[0]).toContain('"verta"');
    const link = planRestore({ ok: false, message: 'The link is cut short.' }, info, { kind: 'link' });
    expect(link).toEqual({
      message: { kind: 'broken', label: 'Share link', text: 'This share link could not be opened: The link is cut short. Your configuration was not changed.', notices: [] },
    });
    const zip = planRestore({ ok: false, message: 'shop.zip holds no chartroom.json.' }, info, file);
    expect(zip.message.text).toBe('shop.zip holds no chartroom.json. Your configuration was not changed.');
  });
});

describe('restoreOver', () => {
  const current = { valuesText: 'aeterna:\n  replicas: 1\n', release: { ...DEFAULT_RELEASE }, environments: [] };

  it('applies the configuration and keeps the work it replaces, to bring back', () => {
    const step = restoreOver(current, { ok: true, config }, info, file);
    expect(step.apply).toEqual(planRestore({ ok: true, config }, info, file).apply);
    expect(step.previous).toBe(current);
    expect(step.madeWith).toBeNull();
  });

  it('keeps nothing to bring back when the editor was empty or nothing changes', () => {
    expect(restoreOver({ ...current, valuesText: '  \n' }, { ok: true, config }, info, file).previous).toBeNull();
    const same = { valuesText: config.values, release: planRestore({ ok: true, config }, info, file).apply!.release, environments: [] };
    expect(restoreOver(same, { ok: true, config }, info, file).previous).toBeNull();
  });

  it('names the chart version a configuration was made with when it is another', () => {
    const older = { ...config, chart: { ...config.chart, version: '0.0.1' } };
    expect(restoreOver(current, { ok: true, config: older }, info, file).madeWith).toBe('aeterna 0.0.1');
  });

  it('changes nothing for a configuration that does not apply', () => {
    const other = { ...config, chart: { ...config.chart, name: 'verta' } };
    const step = restoreOver(current, { ok: true, config: other }, info, { kind: 'link' });
    expect(step).toEqual({ message: expect.objectContaining({ kind: 'broken', text: expect.stringContaining('This share link is for another chart.') }), previous: null });
    expect(restoreOver(current, { ok: false, message: 'bad' }, info, file).apply).toBeUndefined();
  });
});
