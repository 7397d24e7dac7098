import { inflateRawSync } from 'node:zlib';
import { ImportError } from './errors';

/**
 * A .docx is a zip, and a zip can hold far more than it weighs: 349 KB of zeros inflate to
 * 100 MB, and the Word reader would inflate and parse all of it at once. Before the file is
 * given to that reader, its central directory is read (entry count, declared sizes, ratios)
 * and every compressed entry is inflated here with its declared size as a hard bound, so that
 * a directory that lies is caught too. Memory stays below the largest allowed entry.
 */
export interface ZipBounds {
  /** Most entries in the archive (a .docx has a few dozen). */
  maxEntries: number;
  /** Most bytes all entries together may inflate to. */
  maxInflatedBytes: number;
  /** Largest inflated/compressed ratio of one entry (deflate cannot honestly exceed ~1,030). */
  maxRatio: number;
}

export const DOCX_BOUNDS: ZipBounds = {
  maxEntries: 1000,
  maxInflatedBytes: 32 * 1024 * 1024,
  maxRatio: 200,
};

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const tooLarge = (why: string) =>
  new ImportError(
    'import_too_large',
    `The Word document is too large once unpacked (${why}); import one resolution at a time.`,
  );
const unreadable = () =>
  new ImportError(
    'undecodable_import',
    'The file is not a readable Word document (.docx). Save it again from Word as .docx, or import its text.',
  );

interface Entry {
  method: number;
  compressed: number;
  inflated: number;
  localOffset: number;
}

function endOfDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw unreadable();
}

function readDirectory(zip: Buffer, bounds: ZipBounds): Entry[] {
  if (zip.length < 22) throw unreadable();
  const end = endOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const offset = zip.readUInt32LE(end + 16);
  // 0xFFFF and 0xFFFFFFFF announce a Zip64 archive: over 65,535 entries or 4 GB, never a .docx.
  if (count === 0xffff || offset === 0xffffffff) throw tooLarge('a Zip64 archive');
  if (count > bounds.maxEntries) throw tooLarge(`${count} files inside`);
  if (offset + size > end) throw unreadable();
  const entries: Entry[] = [];
  let at = offset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw unreadable();
    const entry: Entry = {
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      inflated: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    };
    if (entry.compressed === 0xffffffff || entry.inflated === 0xffffffff) {
      throw tooLarge('a Zip64 entry');
    }
    total += entry.inflated;
    if (total > bounds.maxInflatedBytes) {
      throw tooLarge(`more than ${Math.round(bounds.maxInflatedBytes / 1024 / 1024)} MB`);
    }
    if (
      entry.inflated > Math.max(entry.compressed, 1) * bounds.maxRatio &&
      entry.inflated > 65536
    ) {
      throw tooLarge(`a part that inflates over ${bounds.maxRatio}-fold`);
    }
    entries.push(entry);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The entry's compressed bytes, found through its local header. */
function entryData(zip: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) throw unreadable();
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressed > zip.length) throw unreadable();
  return zip.subarray(start, start + entry.compressed);
}

/**
 * Throws `ImportError` (`import_too_large`, 413) when the archive would inflate past `bounds`,
 * or (`undecodable_import`) when it is not a zip this check can read.
 */
export function checkZipBounds(zip: Buffer, bounds: ZipBounds = DOCX_BOUNDS): void {
  for (const entry of readDirectory(zip, bounds)) {
    const data = entryData(zip, entry);
    if (entry.method === STORED) {
      if (entry.compressed !== entry.inflated) throw unreadable();
    } else if (entry.method === DEFLATED) {
      let inflated: Buffer;
      try {
        // One byte more than declared: a directory that understates a size is caught here.
        inflated = inflateRawSync(data, { maxOutputLength: entry.inflated + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw tooLarge('a part larger than its declared size');
        }
        throw unreadable();
      }
      if (inflated.length > entry.inflated) throw tooLarge('a part larger than its declared size');
    } else {
      throw unreadable();
    }
  }
}
