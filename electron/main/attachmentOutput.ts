// Printing a stored letter and saving a copy of an attachment, for the core's host. Printing shows the PDF in a
// window of its own (Chromium's PDF viewer) and opens the system print dialog on it, so the handler prints exactly
// the letter that was issued; saving asks where with the system's save dialog and copies the stored file there.
import { app, BrowserWindow, dialog, session } from 'electron';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';

const PRINT_PARTITION = 'print-letter';

/** A file name fit for the user's disk: no folders, no characters a file system refuses. */
export function safeFileName(fileName: string, fallback = 'vedlegg.pdf'): string {
  const base = path.basename(fileName).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return base === '' || base === '.' || base === '..' ? fallback : base;
}

/** The PDF viewer runs from the browser's own extension; nothing may reach the network. */
function printSession() {
  const printing = session.fromPartition(PRINT_PARTITION);
  printing.webRequest.onBeforeRequest((details, callback) => {
    const protocol = new URL(details.url).protocol;
    callback({ cancel: !['file:', 'chrome-extension:', 'data:', 'blob:'].includes(protocol) });
  });
  printing.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  return printing;
}

export async function printPdfFile(absolutePath: string, fileName: string): Promise<void> {
  // Stored files are named by their hash; the viewer needs a .pdf to know what it shows.
  const folder = await mkdtemp(path.join(app.getPath('temp'), 'desk-print-'));
  const copy = path.join(folder, safeFileName(fileName).replace(/(\.pdf)?$/i, '.pdf'));
  await copyFile(absolutePath, copy);
  printSession();
  const owner = BrowserWindow.getFocusedWindow() ?? undefined;
  const window = new BrowserWindow({
    parent: owner,
    width: 860,
    height: 1000,
    title: safeFileName(fileName),
    webPreferences: {
      partition: PRINT_PARTITION,
      plugins: true,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.on('closed', () => void rm(folder, { recursive: true, force: true }));
  await window.loadFile(copy);
  window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
    if (!success && failureReason !== 'Print job canceled') console.warn(`[print] ${fileName}: ${failureReason}`);
  });
}

export async function saveFileCopy(absolutePath: string, fileName: string): Promise<string | null> {
  const name = safeFileName(fileName);
  const extension = path.extname(name).slice(1).toLowerCase();
  const options: Electron.SaveDialogOptions = {
    title: 'Lagre en kopi',
    buttonLabel: 'Lagre',
    defaultPath: path.join(app.getPath('documents'), name),
    filters: extension === 'pdf' ? [{ name: 'PDF-dokument', extensions: ['pdf'] }] : [],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const owner = BrowserWindow.getFocusedWindow();
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  await copyFile(absolutePath, result.filePath);
  return result.filePath;
}
