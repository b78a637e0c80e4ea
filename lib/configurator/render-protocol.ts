/** Messages between the page and the render worker. Everything here is structured-clonable. */
import type { ValuesUse, DecidedCall } from '../validate';
import type { ChartInfo } from './chart-info';
import type { EncodedChartFile } from './chart-files';
import type { ReleaseOptions } from './release-options';
import type { ErrorCode, ErrorReport } from '../errors';
import type { OutputTrace } from '../helm';

/** A dependency archive fetched from its repository, added to the chart's charts/ folder. */
export interface Subchart {
  /** The archive's name in charts/ (`name-version.tgz`). */
  fileName: string;
  bytes: Uint8Array;
}

/** Where a chart comes from, with the dependencies fetched for it (`subcharts`). */
export type ChartSource = (
  | { kind: 'files'; files: EncodedChartFile[] }
  | { kind: 'archive'; bytes: Uint8Array }
  | { kind: 'url'; url: string }
) & { subcharts?: Subchart[] };

/** Bounds for one render (the engine's limits plus the worker watchdog's). */
export interface RenderBudget {
  deadlineMs: number;
  maxOutputBytes: number;
}

/** An editing session whose renders give the same random values for the same calls. */
export interface StableRandom {
  seed: string;
  /** What `now` returns throughout the session (ms since the epoch). */
  startedMs: number;
}

export interface RenderRequest {
  /** The user's values.yaml text (what differs from the chart defaults). */
  valuesText: string;
  release: ReleaseOptions;
  budget: RenderBudget;
  /** Pin varying functions for the session (previews); without it the render is random like helm's. */
  stable?: StableRandom;
}

/** A rendered Kubernetes object. */
export interface RenderedResource {
  /** Stable within one render: `<kind>/<name>@<template>#<n>`. */
  id: string;
  kind: string;
  name: string;
  apiVersion: string;
  /** Template path, e.g. `aeterna/templates/deployment.yaml`. */
  source: string;
  content: string;
  /** Hook events for hooks (`pre-install`, `test`...), empty for ordinary manifests. */
  hookEvents: string[];
}

/** A Chart.yaml dependency that is not in charts/: helm installs it from its repository. */
export interface RemoteDependency {
  /** The chart's name in its repository. */
  chart: string;
  /** The name its values live under (its alias, or its name). */
  name: string;
  version: string;
  repository: string;
  /** The values this release passes to it (its section of the parent's values, plus `global`). */
  valuesYaml: string;
}

/** A subchart carried in the chart's charts/ folder. */
export interface VendoredDependency {
  /** The name its values live under (its alias, or its name). */
  name: string;
  /** The chart's own name. */
  chart: string;
  version: string;
  /** Whether these values enable it (its condition or tags). */
  enabled: boolean;
  /** The values it receives (its section of the parent's values, plus `global`); empty when disabled. */
  valuesYaml: string;
}

export interface RenderSuccess {
  ok: true;
  /** Exactly what `helm template` prints. */
  output: string;
  resources: RenderedResource[];
  notes: string;
  remoteDependencies: RemoteDependency[];
  vendoredDependencies: VendoredDependency[];
  /** Calls that render differently under GitOps (varying functions, `lookup`), with the values deciding them. */
  gitopsCalls: DecidedCall[];
  /**
   * Helm's coalesced values the templates saw (`.Values`), what findings trace values paths by:
   * Maps of Go values in the worker; on the page (structured clone) Go ints arrive as `{v, kind}`.
   */
  values: unknown;
  /** The values the user set and what the render read, for `values/unused-override`. */
  valuesUse: ValuesUse;
  /** Engine time in the worker. */
  elapsedMs: number;
}

/** What the page says happened: the error's code, or what happened to the worker. */
export type RenderFailureKind = 'values' | 'schema' | 'template' | 'timeout' | 'crash' | 'chart';

/**
 * A render that failed: the error as the engine reported it (its code, Helm's message verbatim, or
 * ours for timeouts and crashes, and where it points) and what the page calls it.
 */
export interface RenderFailure extends ErrorReport {
  ok: false;
  kind: RenderFailureKind;
  elapsedMs: number;
}

/** The page's name for a failure of the engine, by the error's code. */
const KINDS: Partial<Record<ErrorCode, RenderFailureKind>> = { 'values-yaml': 'values', 'values-schema': 'schema', 'render-limit': 'timeout', 'chart-load': 'chart' };

/** A failure from an error report; `kind` overrides the one its code gives (a worker's watchdog, a crash). */
export function renderFailure(error: ErrorReport, elapsedMs: number, kind: RenderFailureKind = KINDS[error.code] ?? 'template'): RenderFailure {
  return { ok: false, kind, ...error, elapsedMs };
}

export type RenderOutcome = RenderSuccess | RenderFailure;

/** A tracing render of the render on screen: its output (the same bytes) and where each line came from. */
export interface RenderTrace {
  output: string;
  trace: OutputTrace;
}

export type TraceOutcome = { ok: true; trace: RenderTrace; elapsedMs: number } | RenderFailure;

export type WorkerRequest =
  | { type: 'load'; id: number; source: ChartSource }
  | { type: 'render'; id: number; request: RenderRequest }
  | { type: 'trace'; id: number; request: RenderRequest }
  | { type: 'source'; id: number; file: string };

/** How far the engine got before its first render: its code runs, then the chart arrives. */
export type EngineProgress = { phase: 'engine' } | { phase: 'chart'; percent: number | null } | { phase: 'ready' };

export type WorkerResponse =
  | { type: 'progress'; progress: EngineProgress }
  | { type: 'loaded'; id: number; info: ChartInfo }
  | { type: 'load-failed'; id: number; error: ErrorReport }
  | { type: 'rendered'; id: number; outcome: RenderOutcome }
  | { type: 'traced'; id: number; outcome: TraceOutcome }
  | { type: 'source'; id: number; file: string; text: string | null };
