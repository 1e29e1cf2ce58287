// The work order's words: "1 virkedag" in the singular, "230 V IT" with a space, "bekreftet" rather than
// "akseptert", and the owner's name and phone only where the supplier needs access to the site (work at the meter),
// named as the contact for access.
import { describe, expect, it } from 'vitest';
import { loadLetterhead } from '../../core/offers/letterhead';
import {
  accessContact, networkSystemNb, workingDaysNb, workOrderLetterHtml, workOrderMessageBody, type WorkOrderLetterInput,
} from '../../core/workOrders/workOrderLetter';
import { GRID_WORK_NAMES_NB } from '../../shared/rules';

const letterhead = loadLetterhead();
const input = (over: Partial<WorkOrderLetterInput> = {}): WorkOrderLetterInput => ({
  letterhead,
  orderId: '0f1e2d3c-0000-4000-8000-000000000000',
  orderedOn: '2026-11-27',
  dueDate: '2026-11-30',
  agreementDays: 1,
  workKind: 'service_cable_connection',
  supplier: { name: 'Kristiansand Kabel og Montasje AS', contactPerson: 'Per Holt', email: null, phone: null, organisationNumber: '923609016' },
  caseNumber: '2026-000123',
  installation: {
    address: 'Storgata 1', postcode: '4611', postTown: 'Kristiansand', municipality: 'Kristiansand', cadastralNumber: null,
    meteringPointId: null, meterNumber: null, networkSystem: '230V_IT', phases: 3, mainFuseA: 63,
  },
  installer: { name: 'Sørlandet Elektro AS', organisationNumber: '923609016', contact: null, phone: null },
  owner: { name: 'Kari Nordmann', phone: '912 34 567' },
  contact: { name: 'Anne Saksbehandler', email: null, phone: null },
  ...over,
});
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the work order letter', () => {
  it('counts working days in the right number and writes the network system with a space', () => {
    expect(workingDaysNb(1)).toBe('1 virkedag');
    expect(workingDaysNb(5)).toBe('5 virkedager');
    expect(networkSystemNb('230V_IT')).toBe('230 V IT');
    expect(networkSystemNb('400V_TN')).toBe('400 V TN');
    const letter = text(workOrderLetterHtml(input()));
    expect(letter).toContain('1 virkedag fra bestillingen');
    expect(letter).not.toContain('1 virkedager');
    expect(letter).toContain('230 V IT, 3-fase');
    expect(workOrderMessageBody(input())).toContain('(1 virkedag)');
  });

  it('asks the supplier to confirm, not to accept', () => {
    const letter = text(workOrderLetterHtml(input()));
    expect(letter).toContain('Bekreft at dere har mottatt ordren');
    expect(`${letter} ${workOrderMessageBody(input())}`).not.toMatch(/akseptert/);
  });

  it("gives the owner's name and phone only for work at the meter, as the contact for access", () => {
    const outside = text(workOrderLetterHtml(input()));
    expect(accessContact(input())).toBeNull();
    expect(outside).not.toContain('Kari Nordmann');
    expect(outside).not.toContain('912 34 567');

    const meter = text(workOrderLetterHtml(input({ workKind: 'direct_meter_mounting' })));
    expect(meter).toContain('Kontakt for tilgang Kari Nordmann, 912 34 567');
    expect(meter).toContain('Kontakten for tilgang står her bare for at dere skal komme inn til anlegget.');
    expect(meter).toContain(GRID_WORK_NAMES_NB.direct_meter_mounting);
  });
});
