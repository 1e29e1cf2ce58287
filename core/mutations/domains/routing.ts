// Who does a piece of grid-side work: the grid company or an area supplier.
import type pg from 'pg';
import type { MutationName } from '../../../shared/rules';
import type { CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { decideRouting } from '../routingMutations';
import { RefusedByCentral } from '../../sync/centralErrors';
import { lockCase, presentClaim } from '../../sync/centralCase';
import { runMutation } from '../runMutation';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  // Who does a piece of grid-side work (mutations/routingMutations.ts). The audit trigger writes routing_decided.
  async 'case.decideRouting'(client: pg.ClientBase, { args, precondition, createdAt }: OutboxEntry) {
    const state = await lockCase(client, Number(args.caseId));
    const { rows } = await client.query<{ current: { performer: string; supplierId: number | null } | null; covered: boolean }>(
      `SELECT work_routing::jsonb -> $2::text AS current,
              EXISTS (SELECT 1 FROM area_supplier_municipalities am
                      WHERE am.supplier_id = $3 AND am.municipality_number = c.municipality_number) AS covered
       FROM cases c WHERE id = $1`,
      [args.caseId, args.workKind, args.supplierId],
    );
    const current = rows[0].current ? { performer: rows[0].current.performer, supplierId: rows[0].current.supplierId ?? null } : null;
    if (JSON.stringify(current) !== JSON.stringify(precondition.routing ?? null)) {
      throw new RefusedByCentral('invalid', 'routingChanged');
    }
    if (args.performer === 'area_supplier' && !rows[0].covered) throw new RefusedByCentral('invalid', 'noAreaSupplier');
    await presentClaim(client, state, precondition.claimToken);
    await client.query(
      `UPDATE cases SET work_routing = (work_routing::jsonb || jsonb_build_object($2::text, jsonb_build_object(
         'performer', $3::text, 'supplierId', $4::integer, 'by', desk_actor(), 'at', $5::text)))::text
       WHERE id = $1`,
      [args.caseId, args.workKind, args.performer, args.supplierId, createdAt],
    );
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const routingMutations = {
  'case.decideRouting': { local: decideRouting, central: central['case.decideRouting'] },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const routingMutationHandlers = ({ context, mutate }: MutationCallServices) => ({
  'case.decideRouting': (input) => mutate(() => runMutation(context, decideRouting, input)),
}) satisfies DomainHandlers;
