// The playground's workbook file. Written atomically (temp file in the same folder, fsync, rename over the old one),
// so a crash or Ctrl-C mid-write leaves either the previous workbook or the new one, never a torn file.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function readStore(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export function writeStoreAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** Moves an unreadable workbook aside (kept for inspection) so a fresh one can be created. */
export function quarantine(file: string): string {
  const aside = `${file}.corrupt-${Date.now()}`;
  fs.renameSync(file, aside);
  return aside;
}
