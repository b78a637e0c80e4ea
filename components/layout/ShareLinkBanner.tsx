'use client';
import type { RestoreMessage } from '@/lib/configurator';

/** A dismissible banner above the panes about the share link or file a configuration was opened from. */
export function ShareLinkBanner({ message, onDismiss }: { message: RestoreMessage; onDismiss: () => void }) {
  return (
    <div className={`banner ${message.kind === 'broken' ? 'error' : 'info'} share-banner`} role="alert" aria-label={message.label}>
      <p>{message.text}</p>
      {message.notices.length > 0 && (
        <ul>
          {message.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <button type="button" className="button ghost" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
