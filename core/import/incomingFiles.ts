// The files an import names: a file, or every *.json in a folder (sorted, so repeated runs go in the same order).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function incomingFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .sort()
    .map((name) => path.join(target, name));
}
