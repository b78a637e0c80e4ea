/** Reading a picked or dropped file into a configuration; the format rules live in lib/share/open-config. */
import type { ReadConfig } from '@/lib/configurator';

/** The configuration in a file, or why there is none; never rejects. */
export async function readConfigFile(file: File): Promise<ReadConfig> {
  try {
    // Loaded on first use: unzipping is not needed to show the configurator.
    const { configFileSizeProblem, openConfigFile } = await import('@/lib/share/open-config');
    // Asked before reading, so a huge file is never loaded into memory.
    const tooLarge = configFileSizeProblem(file.name, file.size);
    if (tooLarge) return { ok: false, message: tooLarge };
    return openConfigFile(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (e) {
    return { ok: false, message: `${file.name} could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}
