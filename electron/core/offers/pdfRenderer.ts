// Turns a self-contained HTML letter (inline CSS and SVG, no remote resources) into an A4 PDF with Chromium.
//
// Two implementations of the one interface:
// - ChromiumPdfRenderer (here): plain Node — tests, the browser harness and the bench — driving Debian's Chromium
//   through playwright-core (page.setContent + page.pdf).
// - In the Electron app, the main process provides its own PdfRenderer over a hidden BrowserWindow's
//   webContents.printToPDF({ pageSize: 'A4', printBackground: true }) and prints with webContents.print(). It lives
//   in electron/main, because core never imports Electron; it is not written yet.
import type { Browser, Page } from 'playwright-core';

export interface PdfRenderer {
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * One browser and one page, started on the first render and kept warm; renders run one after another on that page.
 * The page may not fetch anything: the letter is complete in itself, and a stray remote reference fails loudly.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private page: Promise<Page> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly executablePath = CHROMIUM_EXECUTABLE) {}

  render(html: string): Promise<Buffer> {
    const run = this.queue.then(async () => {
      const page = await this.openPage();
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.page = null;
    if (browser) await (await browser).close();
  }

  private openPage(): Promise<Page> {
    if (!this.page) {
      this.browser = import('playwright-core').then(({ chromium }) =>
        chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS }),
      );
      this.page = this.browser.then(async (browser) => {
        const page = await browser.newPage();
        await page.route('**/*', (route) =>
          route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient'),
        );
        return page;
      });
    }
    return this.page;
  }
}
