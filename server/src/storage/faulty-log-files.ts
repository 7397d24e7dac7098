import { diskFiles, type LogFiles } from './log-files';

function fault(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/**
 * Real files on the real disk, with the faults of a failing one switched on at will: the disk
 * fills after a number of bytes (the write that crosses the line is short, the next throws
 * `ENOSPC`), syncs fail with `EIO`, the folder turns read-only (`EROFS`), or cutting a file
 * back fails. Tests and storage drills use it because the suite runs as root, where permission
 * bits stop nothing, and mounting a small filesystem is not possible everywhere.
 */
export class FaultyLogFiles implements LogFiles {
  private spaceLeft: number | null = null;
  private readOnly = false;
  private syncFails = false;
  private truncateFails = false;

  constructor(private readonly disk: LogFiles = diskFiles) {}

  /** The disk fills after `bytes` more bytes are written. */
  fillAfter(bytes: number): void {
    this.spaceLeft = bytes;
  }
  makeReadOnly(): void {
    this.readOnly = true;
  }
  failSyncs(): void {
    this.syncFails = true;
  }
  failTruncates(): void {
    this.truncateFails = true;
  }
  /** Space is back, the folder writable, syncs and cuts work again. */
  heal(): void {
    this.spaceLeft = null;
    this.readOnly = false;
    this.syncFails = false;
    this.truncateFails = false;
  }

  private writable(): void {
    if (this.readOnly) throw fault('EROFS', 'read-only file system');
  }

  /** How much of `length` still fits; throws when nothing does. */
  private fits(length: number): number {
    this.writable();
    if (this.spaceLeft === null) return length;
    if (this.spaceLeft === 0) throw fault('ENOSPC', 'no space left on device');
    const fitting = Math.min(length, this.spaceLeft);
    this.spaceLeft -= fitting;
    return fitting;
  }

  private synced(): void {
    if (this.syncFails) throw fault('EIO', 'i/o error');
  }

  openForWrite(path: string): number {
    this.writable();
    return this.disk.openForWrite(path);
  }
  readAt(fd: number, length: number, position: number): Uint8Array {
    return this.disk.readAt(fd, length, position);
  }
  write(fd: number, data: Uint8Array, position: number): number {
    return this.disk.write(fd, data.subarray(0, this.fits(data.length)), position);
  }
  truncate(fd: number, length: number): void {
    this.writable();
    if (this.truncateFails) throw fault('EIO', 'i/o error');
    this.disk.truncate(fd, length);
  }
  syncNow(fd: number): void {
    this.synced();
    this.disk.syncNow(fd);
  }
  async dataSync(fd: number): Promise<void> {
    this.synced();
    await this.disk.dataSync(fd);
  }
  close(fd: number): void {
    this.disk.close(fd);
  }
  async openNew(path: string): Promise<number> {
    this.writable();
    return this.disk.openNew(path);
  }
  async writeAt(fd: number, data: Uint8Array, position: number): Promise<number> {
    return this.disk.writeAt(fd, data.subarray(0, this.fits(data.length)), position);
  }
  async fullSync(fd: number): Promise<void> {
    this.synced();
    await this.disk.fullSync(fd);
  }
  closeLater(fd: number): Promise<void> {
    return this.disk.closeLater(fd);
  }
  async rename(from: string, to: string): Promise<void> {
    this.writable();
    await this.disk.rename(from, to);
  }
  async remove(path: string): Promise<void> {
    this.writable();
    await this.disk.remove(path);
  }
  async syncFolder(path: string): Promise<void> {
    this.synced();
    await this.disk.syncFolder(path);
  }
}
