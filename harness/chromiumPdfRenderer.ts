// The offer letter to PDF in plain Node — tests, the browser harness, the bench and the CLIs — driving Debian's
// Chromium through playwright-core (page.setContent + page.pdf). It lives beside the harness, never in core, so
// the app's bundle (out/main) holds no playwright: the Electron shell gives its own printToPDF renderer.
import type { Browser, Page } from 'playwright-core';
import type { PdfRenderer } from '../core/offers/pdfRenderer';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium';

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
