// The IPC sender check's rule: only the app's own index.html in the top frame — the exact bundled file in
// production, the dev server's page in development. Everything else is refused.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOwnRendererUrl, isTrustedSenderFrame, rendererLocation } from '../../electron/main/rendererOrigin';

const indexHtml = path.resolve('/opt/Saksbehandlerpulten/resources/app.asar/out/renderer/index.html');
const own = rendererLocation({ indexHtmlPath: indexHtml });
const ownUrl = pathToFileURL(indexHtml).href;
const posix = (url: string) => isOwnRendererUrl(url, own, false);

describe('the bundled renderer (file:)', () => {
  it('accepts exactly our index.html', () => {
    expect(own).toEqual({ kind: 'file', url: ownUrl });
    expect(posix(ownUrl)).toBe(true);
    // The same file spelled with a dot segment or an escaped letter is still the same file.
    expect(posix(ownUrl.replace('/out/renderer/', '/out/./renderer/'))).toBe(true);
    expect(posix(ownUrl.replace('index.html', 'ind%65x.html'))).toBe(true);
  });

  it('refuses another file: URL', () => {
    expect(posix('file:///etc/passwd')).toBe(false);
    expect(posix(ownUrl.replace('index.html', 'other.html'))).toBe(false);
    expect(posix('file:///home/someone/Downloads/evil.html')).toBe(false);
  });

  it('refuses a file of the same name in another folder', () => {
    expect(posix('file:///tmp/out/renderer/index.html')).toBe(false);
    expect(posix(ownUrl.replace('/out/renderer/', '/out/renderer/x/'))).toBe(false);
    expect(posix(ownUrl.replace('/out/renderer/', '/out/renderer/x/../../'))).toBe(false);
    expect(posix(ownUrl.replace('/out/renderer/index.html', '/out/renderer%2Findex.html'))).toBe(false);
  });

  it('refuses query and fragment tricks', () => {
    expect(posix(`${ownUrl}?x=1`)).toBe(false);
    expect(posix(`${ownUrl}#/anything`)).toBe(false);
    expect(posix(`file:///tmp/evil.html#${ownUrl}`)).toBe(false);
    expect(posix(`file:///tmp/evil.html?${ownUrl}`)).toBe(false);
  });

  it('refuses a file on another host (a UNC share) and other schemes', () => {
    expect(posix(ownUrl.replace('file:///', 'file://evil.example/'))).toBe(false);
    expect(posix(ownUrl.replace('file:', 'http:'))).toBe(false);
    expect(posix(`https://evil.example${new URL(ownUrl).pathname}`)).toBe(false);
    expect(posix('about:blank')).toBe(false);
    expect(posix('not a url')).toBe(false);
    expect(posix('')).toBe(false);
  });

  it('compares paths without case only where the file system does (Windows)', () => {
    const upper = ownUrl.replace('index.html', 'INDEX.HTML');
    expect(isOwnRendererUrl(upper, own, false)).toBe(false);
    expect(isOwnRendererUrl(upper, own, true)).toBe(true);
  });
});

describe('the dev server', () => {
  const dev = rendererLocation({ devServerUrl: 'http://localhost:5173/', indexHtmlPath: indexHtml });

  it('accepts its page and nothing else', () => {
    expect(dev.kind).toBe('dev');
    expect(isOwnRendererUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5173/other.html', dev)).toBe(false);
    expect(isOwnRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnRendererUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isOwnRendererUrl('http://localhost:5173/?x', dev)).toBe(false);
    expect(isOwnRendererUrl('http://localhost:5173/#x', dev)).toBe(false);
    expect(isOwnRendererUrl('http://user@localhost:5173/', dev)).toBe(false);
    // In development the bundled file is not ours: only the page electron-vite serves.
    expect(isOwnRendererUrl(ownUrl, dev)).toBe(false);
  });
});

describe('the IPC sender', () => {
  it('must be our page in the top frame', () => {
    expect(isTrustedSenderFrame({ url: ownUrl, isTopFrame: true }, own)).toBe(true);
    expect(isTrustedSenderFrame({ url: ownUrl, isTopFrame: false }, own)).toBe(false);
    expect(isTrustedSenderFrame({ url: 'file:///tmp/evil.html', isTopFrame: true }, own)).toBe(false);
    expect(isTrustedSenderFrame(null, own)).toBe(false);
  });
});
