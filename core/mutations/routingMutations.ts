// Who does a piece of grid-side work on a case: the installer (only if the installer check allows it), the area
// supplier of the installation's municipality, or the grid company itself. The work order comes later.
import { fail } from '../../shared/contract';
import { DecideRoutingInput } from '../../shared/contract/installerCheck';
import { osloDate } from '../clock';
import { installerCheckFor } from '../casework/installerCheckService';
import { loadCaseHead } from '../cases/caseRow';
import { defineMutation } from './runMutation';

export const decideRouting = defineMutation({
  name: 'case.decideRouting',
  args: DecideRoutingInput,
  apply({ core, actor, now }, { caseId, workKind, performer, supplierId }) {
    const head = loadCaseHead(core.sqlite, caseId);
    if (actor.role === 'reader') fail('permission.denied');
    const check = installerCheckFor(core.sqlite, caseId, osloDate(new Date(now)));
    const work = check.work.find((w) => w.kind === workKind);
    if (!work) fail('routing.workNotNeeded', { workKind });
    if (performer === 'installer' && !work?.installerMay) {
      fail('routing.installerMayNot', { workKind, why: work?.why.code ?? 'not_prequalified' });
    }
    if (performer === 'area_supplier' && !check.areaSuppliers.some((s) => s.id === supplierId)) {
      fail('routing.noAreaSupplier', { workKind, municipality: check.municipality.number });
    }
    const previous = check.routing[workKind] ?? null;
    if (previous && previous.performer === performer && previous.supplierId === supplierId) return { caseId, events: [] };
    const routing = { ...check.routing, [workKind]: { performer, supplierId, by: actor.id, at: now } };
    core.sqlite.prepare('UPDATE cases SET work_routing = ? WHERE id = ?').run(JSON.stringify(routing), caseId);
    return {
      caseId,
      events: [{ kind: 'routing_decided', data: { workKind, performer, supplierId } }],
      precondition: {
        claimToken: head.claim_token,
        routing: previous ? { performer: previous.performer, supplierId: previous.supplierId } : null,
      },
    };
  },
});
