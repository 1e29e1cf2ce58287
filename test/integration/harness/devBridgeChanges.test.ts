// The developer's-browser bridge carries the change stream as Server-Sent Events behind the same token check as
// the calls: without the token nothing streams; with it, each batch the core publishes arrives as one event.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../../core/changes/changeFeed';
import { bridgeApiHandler } from '../../../harness/devBridge';
import { startStaticServer, type StaticServer } from '../../../harness/staticServer';

const TOKEN = 'a-token-for-this-test-only';
const feed = new ChangeFeed();
const desk = {
  dispatch: async () => ({ ok: true as const, value: null }),
  onChange: (listener: Parameters<ChangeFeed['subscribe']>[0]) => feed.subscribe(listener),
  close: async () => undefined,
};
let server: StaticServer;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'bridge-'));
  writeFileSync(path.join(root, 'index.html'), '<html><head></head><body></body></html>');
  let port = 0;
  server = await startStaticServer({ rootDirectory: root, handleApi: bridgeApiHandler(desk, TOKEN, () => port) });
  port = server.port;
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the bridge’s change stream', () => {
  it('refuses a listener without the token', async () => {
    const response = await fetch(`${server.url}__api/__changes`, { headers: { 'X-Desk-Token': 'wrong' } });
    expect(response.status).toBe(401);
  });

  it('sends each published batch as one event to a listener with the token', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}__api/__changes`, { headers: { 'X-Desk-Token': TOKEN }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    feed.publish({ tables: ['cases'], caseIds: [12] });
    while (!text.includes('"caseIds":[12]')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    const data = text.split('\n').find((line) => line.startsWith('data: '));
    expect(JSON.parse(data!.slice('data: '.length))).toEqual({ version: 1, tables: ['cases'], caseIds: [12], allCases: false });
    controller.abort();
  });
});
