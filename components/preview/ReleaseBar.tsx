'use client';
import { HELM_VERSION_CHOICES, KUBE_VERSIONS, OPTIONAL_API_VERSIONS, releaseNameProblem, type ReleaseOptions } from '@/lib/configurator';

/** Helm version, release name, namespace, target Kubernetes version and the optional APIs the cluster serves. */
export function ReleaseBar({ release, onChange }: { release: ReleaseOptions; onChange: (patch: Partial<ReleaseOptions>) => void }) {
  const nameProblem = releaseNameProblem(release.releaseName);
  const versions = KUBE_VERSIONS.includes(release.kubeVersion) ? KUBE_VERSIONS : [release.kubeVersion, ...KUBE_VERSIONS];
  return (
    <details className="release-bar">
      <summary>
        Helm {release.helmVersion}, release <code>{release.releaseName}</code> in <code>{release.namespace}</code>, Kubernetes {release.kubeVersion}
        {release.apiVersions.length > 0 ? ` + ${release.apiVersions.length} API${release.apiVersions.length > 1 ? 's' : ''}` : ''}
      </summary>
      <div className="release-fields">
        <div className="field">
          <label htmlFor="release-helm">Helm version</label>
          <select id="release-helm" value={release.helmVersion} onChange={(e) => onChange({ helmVersion: e.target.value as ReleaseOptions['helmVersion'] })}>
            {HELM_VERSION_CHOICES.map((h) => (
              <option key={h.id} value={h.id}>
                {h.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="release-name">Release name</label>
          <input
            id="release-name"
            value={release.releaseName}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? 'release-name-problem' : undefined}
            onChange={(e) => onChange({ releaseName: e.target.value })}
          />
          {nameProblem && (
            <span id="release-name-problem" className="error-text small">
              {nameProblem}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="release-namespace">Namespace</label>
          <input id="release-namespace" value={release.namespace} onChange={(e) => onChange({ namespace: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="release-kube">Kubernetes version</label>
          <select id="release-kube" value={release.kubeVersion} onChange={(e) => onChange({ kubeVersion: e.target.value })}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field apis">
          <legend>APIs the cluster serves</legend>
          {OPTIONAL_API_VERSIONS.map((api) => (
            <label key={api.id} className="check">
              <input
                type="checkbox"
                checked={release.apiVersions.includes(api.id)}
                onChange={(e) =>
                  onChange({ apiVersions: e.target.checked ? [...release.apiVersions, api.id] : release.apiVersions.filter((a) => a !== api.id) })
                }
              />
              {api.label}
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
