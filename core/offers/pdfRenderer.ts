// Turns a self-contained HTML letter (inline CSS and SVG, no remote resources) into an A4 PDF. The host gives the
// renderer, so the shipped core carries no browser driver: the Electron shell renders with its own Chromium
// (electron/main/electronPdfRenderer.ts, webContents.printToPDF, reached from the core's worker as a host call);
// tests, the browser harness, the bench and the CLIs drive Debian's Chromium (harness/chromiumPdfRenderer.ts).

export interface PdfRenderer {
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** The renderer of a core whose host gave none: every letter fails, saying why. */
export const noPdfRenderer: PdfRenderer = {
  render: () => Promise.reject(new Error('No PDF renderer was given to this core: the host must provide one')),
  close: async () => undefined,
};
