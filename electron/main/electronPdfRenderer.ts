// The offer letter to PDF with Electron's own Chromium (webContents.printToPDF), so the installed app needs no
// second browser. The same self-contained HTML the harness renders with page.pdf().
//
// One hidden window, kept warm and reused; renders run one after another. Its session is a partition of its own
// that refuses every request but the data: URL the letter arrives as, and the page runs no script: the letter is
// complete in itself (inline CSS and SVG), and a stray remote reference fails instead of reaching the network.
import { BrowserWindow, session } from 'electron';
import type { PdfRenderer } from '../../core/offers/pdfRenderer';

const LETTER_PARTITION = 'offer-letter';

export class ElectronPdfRenderer implements PdfRenderer {
  private window: BrowserWindow | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  render(html: string): Promise<Buffer> {
    const run = this.queue.then(() => this.renderNow(html));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const window = this.window;
    this.window = null;
    if (window && !window.isDestroyed()) window.destroy();
  }

  private async renderNow(html: string): Promise<Buffer> {
    const window = this.openWindow();
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  }

  private openWindow(): BrowserWindow {
    if (this.window && !this.window.isDestroyed()) return this.window;
    const letterSession = session.fromPartition(LETTER_PARTITION);
    letterSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
    letterSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    this.window = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: {
        partition: LETTER_PARTITION,
        javascript: false,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
      },
    });
    this.window.on('closed', () => {
      this.window = null;
    });
    return this.window;
  }
}
