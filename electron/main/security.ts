// Electron's security checklist, applied to every window and the default session.
import { app, session, type WebContents } from 'electron';

const DEV_SERVER_URL = process.env.ELECTRON_RENDERER_URL;

/** Only our own renderer: the bundled file, or electron-vite's dev server in development. */
export function isOwnRendererUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') return true;
    return DEV_SERVER_URL !== undefined && parsed.origin === new URL(DEV_SERVER_URL).origin;
  } catch {
    return false;
  }
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
