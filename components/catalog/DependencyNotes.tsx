'use client';
import { useState } from 'react';
import { dependenciesLeftOutNote } from '@/lib/configurator';
import { useDismissedNote } from '@/lib/configurator/client/use-dismissed-note';
import type { ResolvedDependencies } from '@/lib/remote-chart';

/**
 * What became of a chart's remote dependencies: those fetched from their repositories, and those
 * the preview renders without, each with the reason (the URL that failed) one click away.
 */
export function DependencyNotes({ chart, dependencies, offline }: { chart: { name: string; version: string }; dependencies: ResolvedDependencies; offline: string[] }) {
  const { fetched, missing } = dependencies;
  const [dismissed, setDismissed] = useDismissedNote(dependenciesLeftOutNote(chart));
  // Put away on an earlier visit: told once more, unseen. Put away just now: it was just read.
  const [dismissedBefore] = useState(dismissed);
  const leftOut = `The preview renders without ${missing.map((d) => d.name).join(', ')}: ${missing.length === 1 ? 'this dependency' : 'these dependencies'} could not be fetched.`;
  return (
    <>
      {missing.length > 0 && dismissed && dismissedBefore && (
        // Put away, it costs no line of the screen; a screen reader still hears it once per visit.
        <p className="visually-hidden" role="status">
          {leftOut} The Dependencies tab of the preview shows why.
        </p>
      )}
      {missing.length > 0 && !dismissed && (
        <div className="banner warning" role="status" aria-label="Dependencies left out">
          {leftOut}{' '}
          <button type="button" className="link-button" aria-label="Dismiss the note on dependencies left out" onClick={() => setDismissed(true)}>
            Dismiss
          </button>
          {/* Each reason names URLs and errors at length: on a small screen they would push the editor out of view. */}
          <details>
            <summary>Why</summary>
            <ul>
              {missing.map((d) => (
                <li key={d.name}>
                  <strong>{d.name}</strong> {d.version} from <code>{d.repository}</code>: {d.reason}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
      {fetched.length > 0 && (
        <p className="banner info" role="status" aria-label="Dependencies fetched">
          Dependencies fetched from their repositories: {fetched.map((d) => `${d.name} ${d.version}`).join(', ')}.
        </p>
      )}
      {offline.length > 0 && (
        <p className="banner info" role="status" aria-label="Opened offline">
          Opened from this browser&apos;s copy: {offline.length === 1 ? 'the repository' : 'the repositories'} could not be reached ({offline.join(', ')}).
        </p>
      )}
    </>
  );
}
