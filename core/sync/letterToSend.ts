// A letter travels with the change that filed it (an issued offer, a work order) when this desk still has exactly
// the file the change names; otherwise the change goes without it and the server names no letter.
import { createHash } from 'node:crypto';

export interface StoredFiles {
  read(sha256: string): Buffer | null;
}

export function letterToSend(files: StoredFiles | undefined, sha256: string): Buffer | null {
  const letter = files?.read(sha256) ?? null;
  return letter && createHash('sha256').update(letter).digest('hex') === sha256 ? letter : null;
}
