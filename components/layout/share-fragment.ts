import type { ReadConfig } from '@/lib/configurator';
import { decodeShareLink, LINK_PREFIX } from '@/lib/share';

/** The share link in the page's fragment, if there is one (left in the address bar). */
export function peekShareLink(): ReadConfig | null {
  const fragment = location.hash.replace(/^#/, '');
  if (!fragment.startsWith(LINK_PREFIX.slice(0, 2))) return null;
  return decodeShareLink(fragment);
}

/** The share link in the page's fragment, taken out of the address bar so a reload shows the autosave. */
export function shareLinkInFragment(): ReadConfig | null {
  const link = peekShareLink();
  if (link) history.replaceState(null, '', location.pathname + location.search);
  return link;
}
