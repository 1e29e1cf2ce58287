// Electron's security checklist, applied to every window and the default session.
import { app, session, type WebContents } from 'electron';
import path from 'node:path';
import { isOwnRendererUrl as isOwnRendererPage, rendererLocation, type RendererLocation } from './rendererOrigin';

/** Our renderer's page: electron-vite's dev server in development, else the bundled out/renderer/index.html. */
export const OWN_RENDERER: RendererLocation = rendererLocation({
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  indexHtmlPath: path.join(__dirname, '../renderer/index.html'),
});

/** Only our own renderer's page (see rendererOrigin.ts for the rule and its tests). */
export function isOwnRendererUrl(url: string): boolean {
  return isOwnRendererPage(url, OWN_RENDERER);
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnRendererUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnRendererUrl(url)) event.preventDefault();
  });
  // The app opens no windows and no web links; attachments go to the desktop through the core's host.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
            "frame-ancestors 'none'",
        ],
      },
    });
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
