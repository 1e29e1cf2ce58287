// A pull asks for the next page before it writes the one it has, and the request must have left before the write
// (synchronous SQLite) holds the thread: otherwise the service hears of it only afterwards and the two ends never
// work at once (core/sync/pullChanges.ts). Through the real service over HTTP, into a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalDatabase } from '../../../core/db/openLocalDatabase';
import { signIn } from '../../../core/service/serviceAuth';
import { ServiceConnection } from '../../../core/service/serviceConnection';
import { pullChanges } from '../../../core/sync/pullChanges';
import { MIGRATIONS_FOLDER } from '../../../harness/harnessCore';
import { useCentralDatabase } from '../../support/centralDatabase';
import { TEST_PASSWORD } from '../../support/postgres';
import { serviceFor } from '../../support/serviceInstances';

const central = useCentralDatabase('sync_pull_overlap', { seedCases: 30 });
const directory = mkdtempSync(path.join(tmpdir(), 'pull-overlap-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('a pull in pages', () => {
  it('sends the request for the next page before it writes the page it has', async () => {
    const login = await central.db.createLogin('olga', 'case_handler');
    const { url } = await serviceFor(central.db);
    const { token } = await signIn({ url }, login, TEST_PASSWORD);
    const service = new ServiceConnection({ url }, token);
    const cache = openLocalDatabase({ file: path.join(directory, 'cache.sqlite'), migrationsFolder: MIGRATIONS_FOLDER, enforceForeignKeys: false });
    // What happened, in order: a request on the wire (by the real HTTP client's own signal), a page committed.
    const log: string[] = [];
    let asked = 0;
    const watched = Object.create(service) as ServiceConnection;
    watched.pull = (query, onSent) => {
      const n = ++asked;
      return service.pull(query, () => {
        log.push(`sent ${n}`);
        onSent?.();
      });
    };
    try {
      let written = 0;
      const pulled = await pullChanges(watched, { sqlite: cache.sqlite } as never, {
        pageSize: 40,
        afterPage: () => {
          if (log.at(-1) !== `written ${written}`) log.push(`written ${++written}`);
        },
      });
      expect(pulled.rows).toBeGreaterThan(200);
      expect(asked).toBeGreaterThan(3);
      // Page n is written only once the request for page n + 1 has left.
      for (let n = 1; n < asked; n++) {
        expect(log.indexOf(`sent ${n + 1}`), `request ${n + 1} before page ${n} is written`).toBeLessThan(log.indexOf(`written ${n}`));
      }
    } finally {
      service.close();
      cache.close();
    }
  });
});
