// A new price list version, published by a supervisor: a case-less change.
import type pg from 'pg';
import type { CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { PRICE_LIST_PUBLISH, PriceListPublishArgs, publishRefusal, recordPriceListPublish } from '../../pricing/priceListPublish';
import { insertPriceListCentral } from '../../pricing/priceListStore';
import { RefusedByCentral } from '../../sync/centralErrors';
import { centralToday } from '../../sync/centralToday';
import type { PriceList, MutationName } from '../../../shared/rules';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  // A new price list version (pricing/priceListPublish.ts), checked again against the central versions; only a
  // supervisor holds INSERT on price_lists (0010), so PostgreSQL refuses anyone else (42501).
  async 'priceList.publish'(client: pg.ClientBase, { args }: OutboxEntry) {
    const parsed = PriceListPublishArgs.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'price list');
    const list = parsed.data.priceList;
    const { rows } = await client.query<{ body: string }>('SELECT body FROM price_lists WHERE id = $1', [list.id]);
    const refusal = publishRefusal(list, rows.map((row) => JSON.parse(row.body) as PriceList), await centralToday(client));
    if (refusal) throw new RefusedByCentral('invalid', refusal.code);
    await insertPriceListCentral(client, list);
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const priceListMutations = {
  [PRICE_LIST_PUBLISH]: {
    args: PriceListPublishArgs,
    record: recordPriceListPublish,
    central: central['priceList.publish'],
    rowsChanged: (args) => {
      const list = args.priceList as { id: string; version: number };
      return { table: 'price_lists', where: 'id = $1 AND list_version = $2', params: [list.id, list.version] };
    },
  },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const priceListMutationHandlers = ({ mutate, priceLists }: MutationCallServices) => ({
  'priceList.publish': (input) => mutate(() => priceLists.publish(input.priceList)),
}) satisfies DomainHandlers;
