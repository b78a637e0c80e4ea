'use client';

/** What opening a share link did: notices after a restore, or why the link was not used. */
export interface ShareLinkMessage {
  kind: 'restored' | 'broken';
  text: string;
  notices: string[];
}

/** A dismissible banner above the panes about the share link the page was opened with. */
export function ShareLinkBanner({ message, onDismiss }: { message: ShareLinkMessage; onDismiss: () => void }) {
  return (
    <div className={`banner ${message.kind === 'broken' ? 'error' : 'info'} share-banner`} role="alert" aria-label="Share link">
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
