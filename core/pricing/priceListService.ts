// The price list screen's reads and its one write: every version with its effective date and whether it is the one
// in effect today (pending publications on top, until the central database has them), one version whole, and
// publishing a new one.
import {
  fail, type PriceListDetail, type PriceListOverview, type PriceListVersionState, type PriceListVersionSummary,
} from '../../shared/contract';
import { priceListInEffect, type PriceList } from '../../shared/rules';
import { osloDate } from '../clock';
import type { CoreContext } from '../context';
import { pendingPriceLists, recordPriceListPublish } from './priceListPublish';

interface Version {
  list: PriceList;
  loadedAt: string | null;
  state: PriceListVersionState;
}

const summaryOf = ({ list, loadedAt, state }: Version): PriceListVersionSummary => ({
  id: list.id,
  version: list.version,
  effectiveFrom: list.effectiveFrom,
  loadedAt,
  state,
  feeCount: list.standardFees.length,
  itemCount: list.catalogue.length,
});

export class PriceListService {
  constructor(private readonly core: CoreContext) {}

  private today(): string {
    return osloDate(this.core.clock.now());
  }

  /** Stored versions and pending ones, newest first. */
  private versions(): Version[] {
    const stored = (
      this.core.sqlite.prepare('SELECT body, loaded_at FROM price_lists').all() as { body: string; loaded_at: string }[]
    ).map((row) => ({ list: JSON.parse(row.body) as PriceList, loadedAt: row.loaded_at }));
    const today = this.today();
    // The one new offers take: the same rule createOfferDraft uses, over what is stored.
    const inEffect = priceListInEffect(stored.map((v) => v.list), today);
    const versions: Version[] = stored.map(({ list, loadedAt }) => ({
      list,
      loadedAt,
      state: list === inEffect ? 'inEffect' : list.effectiveFrom > today ? 'upcoming' : 'earlier',
    }));
    const storedKeys = new Set(stored.map(({ list }) => `${list.id}@${list.version}`));
    for (const list of pendingPriceLists(this.core)) {
      if (!storedKeys.has(`${list.id}@${list.version}`)) versions.push({ list, loadedAt: null, state: 'pending' });
    }
    return versions.sort(
      (a, b) => b.list.effectiveFrom.localeCompare(a.list.effectiveFrom) || b.list.version - a.list.version || a.list.id.localeCompare(b.list.id),
    );
  }

  overview(): PriceListOverview {
    return {
      today: this.today(),
      canPublish: this.core.currentUser().role === 'supervisor',
      versions: this.versions().map(summaryOf),
    };
  }

  get(id: string, version: number): PriceListDetail {
    const all = this.versions();
    const found = all.find((v) => v.list.id === id && v.list.version === version) ?? fail('priceList.notFound', { id, version });
    const highest = Math.max(...all.filter((v) => v.list.id === id).map((v) => v.list.version));
    return { ...summaryOf(found), priceList: found.list, nextVersion: highest + 1 };
  }

  publish(list: PriceList): PriceListVersionSummary {
    recordPriceListPublish(this.core, list, this.versions().map((v) => v.list));
    return this.get(list.id, list.version);
  }
}
