// The harness's stand-in for what Electron main does for the core: it records the attachments the app asked to
// open and print, saves copies into a folder of its own as if the user accepted the save dialog, and renders
// letters with Debian's Chromium.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PdfRenderer } from '../core/offers/pdfRenderer';
import type { ShellHost } from '../core/worker/shellHost';
import { memorySettingsHost } from '../core/settings/settingsHost';
import type { SignedInService } from './centralUrl';
import { ChromiumPdfRenderer } from './chromiumPdfRenderer';

export interface HarnessFile {
  absolutePath: string;
  fileName: string;
  mimeType: string;
}

export interface RecordingHost {
  host: ShellHost;
  openedFiles: HarnessFile[];
  /** What the app asked to print (where Electron would open the print dialog). */
  printedFiles: HarnessFile[];
  /** Copies the app saved (where Electron would ask with a save dialog): written into `savedDirectory`. */
  savedFiles: Array<{ fileName: string; savedTo: string }>;
  savedDirectory: string;
}

export function recordingHost(
  dataDirectory: string,
  options: { central?: SignedInService; onOpenFile?: (file: HarnessFile) => void; pdfRenderer?: PdfRenderer },
): RecordingHost {
  const openedFiles: HarnessFile[] = [];
  const printedFiles: HarnessFile[] = [];
  const savedFiles: RecordingHost['savedFiles'] = [];
  const savedDirectory = path.join(dataDirectory, 'saved');
  const host: ShellHost = {
    settings: memorySettingsHost(options.central),
    async openFile(absolutePath, fileName, mimeType) {
      const file = { absolutePath, fileName, mimeType };
      openedFiles.push(file);
      options.onOpenFile?.(file);
    },
    async printFile(absolutePath, fileName, mimeType) {
      printedFiles.push({ absolutePath, fileName, mimeType });
    },
    async saveFileCopy(absolutePath, fileName) {
      mkdirSync(savedDirectory, { recursive: true });
      const savedTo = path.join(savedDirectory, path.basename(fileName));
      copyFileSync(absolutePath, savedTo);
      savedFiles.push({ fileName, savedTo });
      return savedTo;
    },
    pdfRenderer: options.pdfRenderer ?? new ChromiumPdfRenderer(),
  };
  return { host, openedFiles, printedFiles, savedFiles, savedDirectory };
}
