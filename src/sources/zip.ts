import { unzipSync } from 'fflate';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxEntryBytes: 5 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 };

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads the manifest-like entries (JSON and XML) of a zip archive such as a Teams app package, within
 * limits on entry count and inflated size so that a zip bomb is refused instead of filling memory.
 */
export function readZipManifests(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  let entries = 0;
  let total = 0;
  let refusal: string | undefined;
  const files = unzipSync(data, {
    filter(file) {
      entries++;
      if (entries > limits.maxEntries) refusal ??= `more than ${limits.maxEntries} entries`;
      if (refusal || file.name.endsWith('/') || !/\.(json|xml)$/i.test(file.name)) return false;
      if (file.originalSize > limits.maxEntryBytes) {
        refusal = `entry ${file.name} inflates to ${file.originalSize} bytes (limit ${limits.maxEntryBytes})`;
        return false;
      }
      total += file.originalSize;
      if (total > limits.maxTotalBytes) refusal = `entries inflate to more than ${limits.maxTotalBytes} bytes`;
      return !refusal;
    },
  });
  if (refusal) throw new Error(`zip archive refused: ${refusal}`);
  return Object.entries(files).map(([name, bytes]) => ({ name, bytes }));
}
