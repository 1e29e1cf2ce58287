// Where an initial pull's time goes (BENCH_PULL_PROFILE=1): the same pages pullChanges asks for, into an empty cache
// of its own, but each step on its own and one after the other instead of overlapped, so that each can be timed:
//   query   the service's page (pullPage: PostgreSQL selects the rows and renders them as JSON text) called directly
//           on the service's pool as the person, without HTTP;
//   http    GET /api/pull for the same page, as the desk makes it (sign-in check, the query again, the body over
//           loopback, read as text): http − query is what the HTTP hop adds;
//   parse   the desk's JSON.parse of the body, and the envelope's check;
//   write   rowsOf and RowWriter.write in one SQLite transaction per page, as pullChanges does;
//   finish  restoring the deferred indexes and filling the search index, once at the end.
// The real pull overlaps query+http of the next page with the writing of this one, so it takes less than the sum.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { ServiceConnection } from '../../core/service/serviceConnection';
import { RowWriter } from '../../core/sync/applyRows';
import { deferCaseIndexes, restoreDeferredIndexes } from '../../core/sync/deferredIndexes';
import { rowsOf } from '../../core/sync/pullChanges';
import { PullOutput, type PullOutput as PullAnswer } from '../../shared/serviceApi';
import { asPerson } from '../../service/db/servicePool';
import { pullPage } from '../../service/sync/pullPage';
import { MIGRATIONS_FOLDER } from '../../harness/harnessCore';
import type { RunningService } from '../support/serviceInstances';
import { round, type BenchResult } from './stats';

const PAGE = 10_000;

export async function profileInitialPull(running: RunningService, login: string, token: string): Promise<BenchResult[]> {
  const directory = mkdtempSync(path.join(tmpdir(), 'desk-bench-profile-'));
  const cache = openLocalDatabase({ file: path.join(directory, 'cache.sqlite'), migrationsFolder: MIGRATIONS_FOLDER, enforceForeignKeys: false });
  const service = new ServiceConnection({ url: running.url }, token);
  const person = { id: login, role: 'case_handler' as const, displayName: login };
  const ms = { query: 0, http: 0, parse: 0, write: 0, finish: 0 };
  let bytes = 0;
  let rows = 0;
  let pages = 0;
  /** The same steps per table, a page counted under the table most of its rows belong to. */
  const byTable = new Map<string, { pages: number; rows: number; bytes: number; query: number; http: number; parse: number; write: number }>();
  try {
    const writer = new RowWriter(cache.sqlite);
    deferCaseIndexes(cache.sqlite);
    let resume: string | null = null;
    const total = performance.now();
    for (;;) {
      const query = { after: 0, limit: PAGE, ...(resume ? { resume } : {}) };
      const before = { ...ms };
      let start = performance.now();
      await asPerson(running.service.pool, person, (client) => pullPage(client, query, person.role));
      ms.query += performance.now() - start;
      start = performance.now();
      const text = await service.http.request<string>({
        method: 'GET', path: '/api/pull', token, query: { after: 0, limit: PAGE, resume: resume ?? undefined }, timeoutMs: 120_000, raw: true,
      });
      ms.http += performance.now() - start;
      bytes += Buffer.byteLength(text);
      start = performance.now();
      const page = JSON.parse(text) as PullAnswer;
      PullOutput.omit({ tables: true }).parse(page);
      ms.parse += performance.now() - start;
      start = performance.now();
      const tables = page.tables.map(rowsOf);
      cache.sqlite.transaction(() => {
        for (const rows of tables) writer.write(rows);
      })();
      ms.write += performance.now() - start;
      const pageRows = tables.reduce((n, t) => n + t.rows.length, 0);
      rows += pageRows;
      pages++;
      const main = [...tables].sort((x, y) => y.rows.length - x.rows.length)[0]?.table.local ?? '(none)';
      const entry = byTable.get(main) ?? { pages: 0, rows: 0, bytes: 0, query: 0, http: 0, parse: 0, write: 0 };
      entry.pages++;
      entry.rows += pageRows;
      entry.bytes += Buffer.byteLength(text);
      for (const step of ['query', 'http', 'parse', 'write'] as const) entry[step] += ms[step] - before[step];
      byTable.set(main, entry);
      if (!page.more) break;
      resume = page.resume;
    }
    const start = performance.now();
    // As a case handler's desk ends it (a supervisor's also notes every case for the overview).
    restoreDeferredIndexes(cache.sqlite, { overview: false });
    ms.finish = performance.now() - start;
    const sum = performance.now() - total;
    console.log(
      `  profile: ${pages} pages, ${rows} rows, ${round(bytes / 1_048_576, 1)} MB of JSON; ` +
        `query ${round(ms.query / 1000, 1)} s, http ${round(ms.http / 1000, 1)} s (of which the query again), ` +
        `parse ${round(ms.parse / 1000, 1)} s, write ${round(ms.write / 1000, 1)} s, finish ${round(ms.finish / 1000, 1)} s; ` +
        `all one after the other ${round(sum / 1000, 1)} s`,
    );
    for (const [table, t] of byTable) {
      const s = (value: number) => round(value / 1000, 2);
      console.log(
        `    ${table.padEnd(20)} ${String(t.pages).padStart(4)} pages ${String(t.rows).padStart(8)} rows ${String(round(t.bytes / 1_048_576, 1)).padStart(6)} MB` +
          `  query ${s(t.query)} s  http ${s(t.http)} s  parse ${s(t.parse)} s  write ${s(t.write)} s`,
      );
    }
    return [
      { name: 'sync.profile_query_s', value: round(ms.query / 1000, 1), unit: 's' },
      { name: 'sync.profile_http_s', value: round(ms.http / 1000, 1), unit: 's' },
      { name: 'sync.profile_parse_s', value: round(ms.parse / 1000, 1), unit: 's' },
      { name: 'sync.profile_write_s', value: round(ms.write / 1000, 1), unit: 's' },
      { name: 'sync.profile_finish_s', value: round(ms.finish / 1000, 1), unit: 's' },
      { name: 'sync.profile_json_mb', value: round(bytes / 1_048_576, 1), unit: 'MB' },
    ];
  } finally {
    service.close();
    cache.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
