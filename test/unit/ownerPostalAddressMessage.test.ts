// The owner's postal address from the portal's "Ny melding" form through the import format to the case's fields: it
// travels whole, is asked for whole, and lands in the owner's postal columns, not the installation's.
import { describe, expect, it } from 'vitest';
import { requestCaseFields } from '../../core/import/caseFields';
import { RequestMessage } from '../../core/import/incomingMessage';
import { emptyValues, fieldProblems, requestMessageOf, type FormValues } from '../../portal/src/features/newMessage/messageForm';

const FIRM = { organisationNumber: '923609016', name: 'Elektro AS' };
const filled = (extra: FormValues = {}): FormValues => ({
  ...emptyValues(),
  'installation.address': 'Tomt 7, Kjerrheia', 'installation.postcode': '4640', 'installation.postTown': 'Søgne',
  'installation.municipalityNumber': '4204', 'installation.networkSystem': '230V_IT', 'installation.phases': '1',
  'owner.name': 'Kari Nordmann', 'owner.nationalId': '31129956715',
  ...extra,
});
const postal = { 'owner.postalAddress': 'Dronningens gate 14', 'owner.postcode': '4610', 'owner.postTown': 'Kristiansand S' };

describe("the owner's postal address in a request", () => {
  it('goes with the message as one address, and becomes the case’s postal columns', () => {
    const message = RequestMessage.parse(requestMessageOf(filled(postal), 'new_installation', FIRM, 'm-1', new Date('2026-12-05T10:00:00Z'), []));
    expect(message.owner.postalAddress).toEqual({ address: 'Dronningens gate 14', postcode: '4610', postTown: 'Kristiansand S' });
    expect(requestCaseFields(message)).toMatchObject({
      ownerPostalAddress: 'Dronningens gate 14', ownerPostcode: '4610', ownerPostTown: 'Kristiansand S', address: 'Tomt 7, Kjerrheia',
    });
  });

  it('is asked for whole once a part is typed, with the postcode checked', () => {
    expect(fieldProblems(filled({ 'owner.postalAddress': 'Dronningens gate 14' }), 'new_installation')).toMatchObject({
      'owner.postcode': 'required', 'owner.postTown': 'required',
    });
    expect(fieldProblems(filled({ ...postal, 'owner.postcode': '461' }), 'new_installation')['owner.postcode']).toMatch(/^identifier\./);
    expect(fieldProblems(filled(postal), 'new_installation')).not.toHaveProperty('owner.postcode');
  });

  it('may be left out: the message then has none', () => {
    const message = RequestMessage.parse(requestMessageOf(filled(), 'new_installation', FIRM, 'm-2', new Date('2026-12-05T10:00:00Z'), []));
    expect(message.owner.postalAddress).toBeUndefined();
    expect(RequestMessage.safeParse({ ...message, owner: { ...message.owner, postalAddress: { address: 'x', postcode: '46', postTown: 'y' } } }).success).toBe(false);
  });
});
