/** Reading a configuration someone saved: a picked or dropped file, or a share link in the page's fragment. */
// The format's constants only: the decoder and its checker load with the first link.
import { LINK_PREFIX } from '../share';
import type { ReadConfig } from './restore';

/** What a picked or dropped file offers (a browser `File`). */
export interface ConfigFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The configuration in a file (chartroom.json, alone or in an exported zip), or why there is none; never rejects. */
export async function readConfigFile(file: ConfigFile): Promise<ReadConfig> {
  try {
    // Loaded on first use: unzipping is not needed to show the configurator.
    const { configFileSizeProblem, openConfigFile } = await import('../share/open-config');
    // Asked before reading, so a huge file is never loaded into memory.
    const tooLarge = configFileSizeProblem(file.name, file.size);
    if (tooLarge) return { ok: false, message: tooLarge };
    return openConfigFile(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (e) {
    return { ok: false, message: `${file.name} could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}

/** The fragment of a page's address (`location.hash`) when it looks like a share link. */
export function shareLinkFragment(hash: string): string | null {
  const fragment = hash.replace(/^#/, '');
  return fragment.startsWith(LINK_PREFIX.slice(0, 2)) ? fragment : null;
}

/** The configuration in a share link's fragment, or why there is none; the decoder loads with the first link. */
export async function readShareLink(fragment: string): Promise<ReadConfig> {
  const { decodeShareLink } = await import('../share/link');
  return decodeShareLink(fragment);
}
