// The push reads files from this desk's attachment store (an issued offer's letter travels with the issue):
// the central options, given the store to read them from.
import { existsSync, readFileSync } from 'node:fs';
import type { AttachmentStore } from '../attachments/attachmentStore';
import type { CentralOptions } from './centralSession';

export function withStoredFiles(options: CentralOptions, store: AttachmentStore): CentralOptions {
  const storedFile = (sha256: string): Buffer | null => {
    const file = store.pathOf(sha256);
    return existsSync(file) ? readFileSync(file) : null;
  };
  return { ...options, engine: { ...options.engine, push: { storedFile, ...options.engine?.push } } };
}
