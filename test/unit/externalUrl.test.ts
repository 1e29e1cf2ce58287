// The system browser is opened only for a plain web page: https, or http to this machine (the sign-in through
// the identity provider). Everything else is refused before Electron's shell.openExternal sees it.
import { describe, expect, it, vi } from 'vitest';
import { openVettedExternal, vettedExternalUrl } from '../../electron/main/externalUrl';

describe('vettedExternalUrl', () => {
  it('accepts https anywhere and http to loopback, as the URL normalised', () => {
    expect(vettedExternalUrl('https://login.nettselskap.no/authorize?client_id=desk&state=abc')).toBe(
      'https://login.nettselskap.no/authorize?client_id=desk&state=abc',
    );
    expect(vettedExternalUrl('HTTPS://Login.Example.no:8443/a')).toBe('https://login.example.no:8443/a');
    expect(vettedExternalUrl('http://127.0.0.1:53121/auth?x=1')).toBe('http://127.0.0.1:53121/auth?x=1');
    expect(vettedExternalUrl('http://localhost:3000/auth')).toBe('http://localhost:3000/auth');
    expect(vettedExternalUrl('http://[::1]:3000/auth')).toBe('http://[::1]:3000/auth');
  });

  it.each([
    ['plain http to another machine', 'http://login.nettselskap.no/authorize'],
    ['http to a name that only starts like loopback', 'http://127.0.0.1.evil.example/authorize'],
    ['http to localhost as a subdomain', 'http://localhost.evil.example/'],
    ['a file', 'file:///etc/passwd'],
    ['a UNC-like file', 'file://server/share/run.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['another custom scheme', 'smb://server/share'],
    ['mailto', 'mailto:it@nettselskap.no'],
    ['credentials in the URL', 'https://user:secret@login.nettselskap.no/'],
    ['a user name in the URL', 'https://user@login.nettselskap.no/'],
    ['not a URL', 'login.nettselskap.no/authorize'],
    ['empty', ''],
    ['a space (an opener might split there)', 'https://login.nettselskap.no/a b'],
    ['a newline', 'https://login.nettselskap.no/\n--flag'],
    ['a leading space', ' https://login.nettselskap.no/'],
    ['far too long', `https://login.nettselskap.no/${'a'.repeat(9_000)}`],
  ])('refuses %s', (_what, url) => {
    expect(vettedExternalUrl(url)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(vettedExternalUrl(undefined)).toBeNull();
    expect(vettedExternalUrl({ href: 'https://x.no' })).toBeNull();
  });
});

describe('openVettedExternal', () => {
  it('hands a vetted URL to the opener, and never one that is not', async () => {
    const open = vi.fn(async () => undefined);
    await openVettedExternal('https://login.nettselskap.no/authorize?state=s', open);
    expect(open).toHaveBeenCalledWith('https://login.nettselskap.no/authorize?state=s');
    open.mockClear();
    await expect(openVettedExternal('file:///C:/Windows/System32/calc.exe', open)).rejects.toThrow(/refused/);
    await expect(openVettedExternal('http://login.nettselskap.no/', open)).rejects.toThrow(/refused/);
    expect(open).not.toHaveBeenCalled();
  });
});
