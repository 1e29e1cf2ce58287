// What the central appliers of the offer mutations read from PostgreSQL: a new draft made by the same rule as on
// the desk (mutations/offerMutations.ts `draftContent`) from the central price lists and case, and whether a draft's
// lines are the ones a letter was rendered from.
import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import { AppFailure } from '../../shared/contract';
import type { PriceList, RequestType } from '../../shared/rules';
import { osloDate } from '../clock';
import { draftContent, type DraftContent } from '../mutations/offerMutations';
import { RefusedByCentral } from './centralErrors';

export async function centralDraftContent(client: pg.ClientBase, caseId: number, createdAt: string): Promise<DraftContent> {
  const lists = (await client.query<{ body: string }>('SELECT body FROM price_lists')).rows.map(
    (row) => JSON.parse(row.body) as PriceList,
  );
  const { rows } = await client.query<{ request_type: RequestType; main_fuse_a: number | null }>(
    'SELECT request_type, main_fuse_a FROM cases WHERE id = $1',
    [caseId],
  );
  if (rows.length === 0) throw new RefusedByCentral('caseMissing');
  try {
    return draftContent(lists, osloDate(new Date(createdAt)), { requestType: rows[0].request_type, mainFuseA: rows[0].main_fuse_a });
  } catch (error) {
    if (error instanceof AppFailure) throw new RefusedByCentral('invalid', error.appError.code);
    throw error;
  }
}

/** The same lines, whatever the spacing or key order of the JSON text they are stored as. */
export function sameLines(a: string, b: string): boolean {
  try {
    return isDeepStrictEqual(JSON.parse(a), JSON.parse(b));
  } catch {
    return false;
  }
}
