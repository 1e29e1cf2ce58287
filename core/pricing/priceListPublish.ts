// `priceList.publish`: a supervisor's new price list version, made in the app by copying the newest and editing it.
// It belongs to no case, so it is a case-less change (mutations/caselessChange.ts): standalone stored at once, with a
// central server shipped, where the applier inserts it as the person and PostgreSQL lets only supervisors (0010). A
// stored version never changes (DK007); changed prices are always a new version.
import { z } from 'zod';
import { AppFailure, PriceListSchema, type AppError } from '../../shared/contract';
import { priceListProblems, type PriceList } from '../../shared/rules';
import { osloDate } from '../clock';
import type { CoreContext } from '../context';
import { recordCaselessChange } from '../mutations/caselessChange';
import { storePriceLists } from './priceListStore';

export const PRICE_LIST_PUBLISH = 'priceList.publish';

/** Checked again by the central applier (an outbox can be forged). */
export const PriceListPublishArgs = z.strictObject({ priceList: PriceListSchema });

/**
 * Why a version may not be published on `today` beside the versions there are (null when it may): a list with
 * duplicate codes, an effective date in the past, or a version number already taken or older than the newest.
 */
export function publishRefusal(list: PriceList, existing: readonly PriceList[], today: string): AppError | null {
  const problems = priceListProblems(list);
  if (problems.length > 0) return { code: 'priceList.invalid', params: { message: problems.join('; ') } };
  if (list.effectiveFrom < today) return { code: 'priceList.effectiveInPast', params: { effectiveFrom: list.effectiveFrom, today } };
  const newest = Math.max(0, ...existing.filter((other) => other.id === list.id).map((other) => other.version));
  if (list.version <= newest) return { code: 'priceList.versionTaken', params: { version: list.version, newest } };
  return null;
}

/** Versions published here that the central database has not recorded yet (none standalone: they are stored). */
export function pendingPriceLists(core: CoreContext): PriceList[] {
  return (
    core.sqlite
      .prepare("SELECT args FROM outbox WHERE mutation = ? AND state = 'pending' ORDER BY seq")
      .all(PRICE_LIST_PUBLISH) as { args: string }[]
  ).map((row) => (JSON.parse(row.args) as { priceList: PriceList }).priceList);
}

/** Records the publication (and, standalone, stores the version); returns the outbox seq. Only a supervisor may. */
export function recordPriceListPublish(core: CoreContext, list: PriceList, existing: readonly PriceList[]): number {
  const args = PriceListPublishArgs.parse({ priceList: list });
  if (core.currentUser().role !== 'supervisor') throw new AppFailure({ code: 'permission.denied' });
  const refusal = publishRefusal(args.priceList, existing, osloDate(core.clock.now()));
  if (refusal) throw new AppFailure(refusal);
  const newest = Math.max(0, ...existing.filter((other) => other.id === list.id).map((other) => other.version));
  return recordCaselessChange(core, {
    mutation: PRICE_LIST_PUBLISH,
    args,
    precondition: { newestVersion: newest },
    applyLocally: (_actorId, now) => {
      storePriceLists(core.sqlite, [args.priceList], now);
    },
  });
}
