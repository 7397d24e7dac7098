import {
  close,
  closeSync,
  constants,
  fdatasync,
  fsync,
  fsyncSync,
  ftruncateSync,
  open,
  openSync,
  readSync,
  rename,
  unlink,
  write,
  writeSync,
} from 'node:fs';

/**
 * The file operations the update log writes through. Every write-side call of the log goes
 * here, so that the storage faults a full or read-only disk produces (a short `write`, `ENOSPC`,
 * `EIO` from `fsync`, `EROFS` from `open`) can be injected in tests: the test suite runs as root
 * (permission bits do not stop it) and cannot count on mounting a small tmpfs, so a seam is the
 * only fault that always reproduces. Loading, creating folders and cutting a torn tail at load
 * go to `node:fs/promises` directly: the faults tests need are those of writing.
 */
export interface LogFiles {
  /** Opens for writing at explicit positions (no `O_APPEND`), creating the file 0600. */
  openForWrite(path: string): number;
  /** Reads back what was written (to write it again after a failed sync). */
  readAt(fd: number, length: number, position: number): Uint8Array;
  /** One `pwrite(2)`: may write fewer bytes than asked (a filling disk), or throw. */
  write(fd: number, data: Uint8Array, position: number): number;
  truncate(fd: number, length: number): void;
  /** `fsync(2)` on the calling thread: only where the caller must not go on before it. */
  syncNow(fd: number): void;
  /** `fdatasync(2)` off the main thread. */
  dataSync(fd: number): Promise<void>;
  close(fd: number): void;
  /** The asynchronous counterparts, for whole files written off the main thread. */
  openNew(path: string): Promise<number>;
  writeAt(fd: number, data: Uint8Array, position: number): Promise<number>;
  fullSync(fd: number): Promise<void>;
  closeLater(fd: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Makes a folder's entries (a new or renamed file) durable. */
  syncFolder(path: string): Promise<void>;
}

/** Data files are private to the server's user. */
export const FILE_MODE = 0o600;
/** So are the folders holding them. */
export const FOLDER_MODE = 0o700;

const settle = (resolve: () => void, reject: (error: Error) => void) => (error: Error | null) =>
  error ? reject(error) : resolve();

export const diskFiles: LogFiles = {
  openForWrite: (path) => openSync(path, constants.O_RDWR | constants.O_CREAT, FILE_MODE),
  readAt: (fd, length, position) => {
    const out = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const read = readSync(fd, out, done, length - done, position + done);
      if (read === 0) break;
      done += read;
    }
    return out.subarray(0, done);
  },
  write: (fd, data, position) => writeSync(fd, data, 0, data.length, position),
  truncate: (fd, length) => ftruncateSync(fd, length),
  syncNow: (fd) => fsyncSync(fd),
  dataSync: (fd) => new Promise((resolve, reject) => fdatasync(fd, settle(resolve, reject))),
  close: (fd) => closeSync(fd),
  openNew: (path) =>
    new Promise((resolve, reject) =>
      open(path, 'w', FILE_MODE, (error, fd) => (error ? reject(error) : resolve(fd))),
    ),
  writeAt: (fd, data, position) =>
    new Promise((resolve, reject) =>
      write(fd, data, 0, data.length, position, (error, written) =>
        error ? reject(error) : resolve(written),
      ),
    ),
  fullSync: (fd) => new Promise((resolve, reject) => fsync(fd, settle(resolve, reject))),
  closeLater: (fd) => new Promise((resolve, reject) => close(fd, settle(resolve, reject))),
  rename: (from, to) => new Promise((resolve, reject) => rename(from, to, settle(resolve, reject))),
  remove: (path) => new Promise((resolve, reject) => unlink(path, settle(resolve, reject))),
  syncFolder: (path) =>
    new Promise((resolve, reject) =>
      open(path, 'r', (error, fd) => {
        if (error) return reject(error);
        fsync(fd, (syncError) => close(fd, () => (syncError ? reject(syncError) : resolve())));
      }),
    ),
};

/** Writes all of `data` at `position`, one `pwrite` after another; throws if the disk stops. */
export function writeAll(files: LogFiles, fd: number, data: Uint8Array, position: number): void {
  let done = 0;
  while (done < data.length) {
    const written = files.write(fd, data.subarray(done), position + done);
    // A write that makes no progress would loop forever; the kernel reports ENOSPC next time,
    // but say so ourselves rather than trust it.
    if (written <= 0) throw Object.assign(new Error('write made no progress'), { code: 'ENOSPC' });
    done += written;
  }
}

/** `writeAll` off the main thread. */
export async function writeAllLater(
  files: LogFiles,
  fd: number,
  data: Uint8Array,
  position = 0,
): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const written = await files.writeAt(fd, data.subarray(done), position + done);
    if (written <= 0) throw Object.assign(new Error('write made no progress'), { code: 'ENOSPC' });
    done += written;
  }
}
