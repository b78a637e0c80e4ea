/**
 * The findings of one render, the same for the page (in its findings worker) and for
 * `chartroom lint`: the manifests' findings and the GitOps findings of the calls the render
 * made, with Helm's coalesced values to trace them by.
 */
import type { DecidedCall } from './gitops';
import { decidedCallFindings } from './gitops';
import type { Finding, ManifestDoc, ValidateOptions } from './types';
import { sortFindings, validateManifests } from './validate';
import { unusedOverrideFindings } from './unused-overrides';
import { isRuleDisabled } from './rules';

/**
 * Sorted findings of the documents a render produced, the calls it made and, given what values
 * it read, the user's values it ignored (the Kubernetes schema must be loaded).
 */
export function checkRender(docs: ManifestDoc[], calls: readonly DecidedCall[], opts: ValidateOptions): Finding[] {
  const unused = opts.valuesUse && !isRuleDisabled('values/unused-override', opts.disable) ? unusedOverrideFindings(opts.valuesUse) : [];
  return sortFindings([...validateManifests(docs, opts), ...decidedCallFindings(calls, docs, opts.disable), ...unused]);
}
