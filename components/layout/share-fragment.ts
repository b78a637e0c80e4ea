import type { ReadConfig } from '@/lib/configurator';
import { LINK_PREFIX } from '@/lib/share/format';

/** The fragment when it looks like a share link; the decoder loads only for one. */
function linkFragment(): string | null {
  const fragment = location.hash.replace(/^#/, '');
  return fragment.startsWith(LINK_PREFIX.slice(0, 2)) ? fragment : null;
}

async function decode(fragment: string): Promise<ReadConfig> {
  const { decodeShareLink } = await import('@/lib/share/link');
  return decodeShareLink(fragment);
}

/** The share link in the page's fragment, if there is one (left in the address bar). */
export async function peekShareLink(): Promise<ReadConfig | null> {
  const fragment = linkFragment();
  return fragment === null ? null : decode(fragment);
}

/** The share link in the page's fragment, taken out of the address bar so a reload shows the autosave. */
export async function shareLinkInFragment(): Promise<ReadConfig | null> {
  const fragment = linkFragment();
  if (fragment === null) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return decode(fragment);
}
