// Which page is ours: the one rule behind the IPC sender check and the navigation guards, pure so it can be
// tested without Electron. Ours is exactly the app's own index.html — the bundled file in production
// (out/renderer/index.html, as a file: URL), electron-vite's dev server page in development — in the top frame.
// Any other file: URL, the same file name in another folder, a query or a fragment, another host, a subframe:
// not ours.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type RendererLocation = { kind: 'file'; url: string } | { kind: 'dev'; url: string };

/** Where the renderer is loaded from: the dev server when electron-vite gives one, else the bundled file. */
export function rendererLocation(options: { devServerUrl?: string; indexHtmlPath: string }): RendererLocation {
  if (options.devServerUrl) return { kind: 'dev', url: options.devServerUrl };
  return { kind: 'file', url: pathToFileURL(path.resolve(options.indexHtmlPath)).href };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Percent-escapes decoded, so `index%2Ehtml` and `index.html` compare alike (both are the same file). */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** Whether `url` is exactly our renderer's page. `caseInsensitivePaths` for Windows' file system. */
export function isOwnRendererUrl(url: string, own: RendererLocation, caseInsensitivePaths = process.platform === 'win32'): boolean {
  const candidate = parse(url);
  const expected = parse(own.url);
  if (!candidate || !expected) return false;
  if (candidate.search !== '' || candidate.hash !== '' || candidate.username !== '' || candidate.password !== '') return false;
  if (own.kind === 'file') {
    if (candidate.protocol !== 'file:' || candidate.host !== '' || expected.host !== '') return false;
    // An escaped separator or NUL names no file of ours, whatever it decodes to.
    if (/%2f|%5c|%00/i.test(candidate.pathname)) return false;
    const a = decodedPath(candidate.pathname);
    const b = decodedPath(expected.pathname);
    if (a === null || b === null) return false;
    // URL parsing has already resolved "." and ".." segments, so equal paths are the same file.
    return caseInsensitivePaths ? a.toLowerCase() === b.toLowerCase() : a === b;
  }
  if (candidate.origin !== expected.origin) return false;
  const page = expected.pathname === '' ? '/' : expected.pathname;
  return candidate.pathname === page || (page.endsWith('/') && candidate.pathname === `${page}index.html`);
}

/** The IPC sender check: our page, in the top frame of its window. */
export function isTrustedSenderFrame(frame: { url: string; isTopFrame: boolean } | null, own: RendererLocation): boolean {
  return frame !== null && frame.isTopFrame && isOwnRendererUrl(frame.url, own);
}
