import { readShareLink, shareLinkFragment, type ReadConfig } from '@/lib/configurator';

/** The share link in the page's fragment, if there is one (left in the address bar). */
export async function peekShareLink(): Promise<ReadConfig | null> {
  const fragment = shareLinkFragment(location.hash);
  return fragment === null ? null : readShareLink(fragment);
}

/** The share link in the page's fragment, taken out of the address bar so a reload shows the autosave. */
export async function shareLinkInFragment(): Promise<ReadConfig | null> {
  const fragment = shareLinkFragment(location.hash);
  if (fragment === null) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return readShareLink(fragment);
}
