// One case's rows as the service has them now (GET /api/cases/:caseId/detail: its own row whole and its detail),
// written as a pull writes rows: for a closed case the first download left out (caseDetailOnDemand.ts), and for the
// case Fetch next got while a long pull made room for it (centralSession.ts).
import type { CaseDetailOutput } from '../../shared/serviceApi';
import type { CoreContext } from '../context';
import { columnOf, RowWriter, type RowPage } from './applyRows';
import { rowsOf } from './pullChanges';
import { rebaseCases } from './rebase';
import { caseColumnOf } from './syncedTables';
import { recordSkippedRow } from './syncState';

/** Writes a case's detail as the service sent it, forgets the mark, and tells the screens; false if it is not the case's. */
export function storeCaseDetail(context: CoreContext, caseId: number, answer: CaseDetailOutput): boolean {
  const { sqlite } = context;
  const pages = answer.tables.map(rowsOf);
  const ofOtherCases = (page: RowPage) => {
    const column = caseColumnOf(page.table);
    if (!column) return true;
    const caseOf = columnOf(page, column);
    return page.rows.some((row) => Number(caseOf(row)) !== caseId);
  };
  if (answer.caseId !== caseId || pages.some(ofOtherCases)) {
    return false; // not this case's detail: written nowhere
  }
  const writer = new RowWriter(sqlite, ({ table, key, problem }) => recordSkippedRow(sqlite, { table, key, problem }));
  sqlite.transaction(() => {
    for (const page of pages) writer.write(page);
    sqlite.prepare('DELETE FROM case_detail_on_server WHERE case_id = ?').run(caseId);
    // Work done on the case here and not yet shipped goes on top of the service's rows, as after a pull.
    rebaseCases(context, new Set([caseId]));
  })();
  context.casesChanged([caseId]);
  return true;
}
