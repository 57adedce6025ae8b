/**
 * Writes a file under a name of its own, then renames it into place: a build
 * killed mid-write never leaves a torn file behind, and a reader (a browser
 * loading the render page, a dev server and a build sharing a cache folder)
 * never sees one half written.
 */
import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';

export async function writeWhole(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
