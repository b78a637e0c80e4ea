'use client';
import type { RestoreMessage } from '@/lib/configurator';

interface ShareLinkBannerProps {
  message: RestoreMessage;
  onDismiss: () => void;
  /** Given when the link or file replaced earlier work, which this brings back. */
  onRestorePrevious?: () => void;
}

/** A dismissible banner above the panes about the share link or file a configuration was opened from. */
export function ShareLinkBanner({ message, onDismiss, onRestorePrevious }: ShareLinkBannerProps) {
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
      <div className="row">
        {onRestorePrevious && (
          <>
            <span>Your previous configuration was kept.</span>
            <button type="button" className="button" onClick={onRestorePrevious}>
              Restore it
            </button>
          </>
        )}
        <button type="button" className="button ghost" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
