// A closed case whose detail the first download left out (service/sync/closedCaseDetail.ts; marked in
// case_detail_on_server) gets it when it is opened: the case's rows as they are now, from the service, written as a
// pull writes rows and in the same transaction as forgetting the mark; the screens hear of it on the change stream.
// Offline, or refused, the mark stays: the case view says where the detail is, and the next opening tries again.
import type { CoreContext } from '../context';
import { RowWriter } from './applyRows';
import type { CentralSession } from './centralSession';
import { rowsOf } from './pullChanges';
import { rebaseCases } from './rebase';
import { recordSkippedRow } from './syncState';

/** How long opening a case waits for its detail before it shows the case without it (and fills it in later). */
export const DETAIL_WAIT_MS = 3_000;

export class CaseDetailOnDemand {
  private readonly fetching = new Map<number, Promise<boolean>>();

  constructor(
    private readonly context: CoreContext,
    private readonly central: CentralSession | null,
  ) {}

  onServer(caseId: number): boolean {
    return this.context.sqlite.prepare('SELECT 1 FROM case_detail_on_server WHERE case_id = ?').get(caseId) !== undefined;
  }

  /** Fetches the case's detail if only the service has it; true once it is here (at once when it already was). */
  async fetch(caseId: number): Promise<boolean> {
    if (!this.onServer(caseId)) return true;
    if (!this.central) return false;
    let running = this.fetching.get(caseId);
    if (!running) {
      running = this.download(caseId).finally(() => this.fetching.delete(caseId));
      this.fetching.set(caseId, running);
    }
    return running;
  }

  /** As `fetch`, but waits at most `ms`: the fetch goes on, and its rows reach the screens when they come. */
  async fetchWithin(caseId: number, ms = DETAIL_WAIT_MS): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.fetch(caseId), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }

  private async download(caseId: number): Promise<boolean> {
    const { sqlite } = this.context;
    let answer;
    try {
      answer = await this.central!.engine.online((service) => service.caseDetail(caseId));
    } catch {
      return false;
    }
    const pages = answer.tables.map(rowsOf);
    if (answer.caseId !== caseId || pages.some(({ table, rows }) => !table.caseColumn || rows.some((row) => Number(row[table.caseColumn!]) !== caseId))) {
      return false; // not this case's detail: written nowhere
    }
    const writer = new RowWriter(sqlite, ({ table, key, problem }) => recordSkippedRow(sqlite, { table, key, problem }));
    sqlite.transaction(() => {
      for (const { table, rows } of pages) writer.write(table, rows);
      sqlite.prepare('DELETE FROM case_detail_on_server WHERE case_id = ?').run(caseId);
      // Work done on the case here and not yet shipped goes on top of the service's rows, as after a pull.
      rebaseCases(this.context, new Set([caseId]));
    })();
    this.context.casesChanged([caseId]);
    return true;
  }
}
