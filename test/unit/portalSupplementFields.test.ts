// The supplement the portal builds from what the installer typed: each asked-for fact lands where the import
// format's `changes` has it, typed; empty inputs change nothing; what does not parse is not sent.
import { describe, expect, it } from 'vitest';
import { SupplementMessage } from '../../core/import/incomingMessage';
import { changesOf, SUPPLEMENT_FIELDS, valueOf } from '../../portal/src/features/cases/supplementFields';

describe('the portal supplement form', () => {
  it('puts each fact where the import format takes it, typed', () => {
    const changes = changesOf({
      mainFuseA: '63', expectedPowerKw: '22,5', meteringPointIds: '707057500000000018, 707057500000000025',
      ownerEmail: ' eier@example.no ', productionKw: '9.8', wantedStartDate: '2027-01-04', gnr: '',
    });
    expect(changes).toEqual({
      installation: { mainFuseA: 63, expectedPowerKw: 22.5, meteringPointIds: ['707057500000000018', '707057500000000025'] },
      owner: { email: 'eier@example.no' },
      production: { productionKw: 9.8 },
      wantedStartDate: '2027-01-04',
    });
    // The importer's own schema takes it as a supplement's changes.
    expect(SupplementMessage.shape.changes.safeParse(changes).success).toBe(true);
  });

  it('leaves out what is empty or does not parse', () => {
    expect(valueOf(SUPPLEMENT_FIELDS.mainFuseA!, '  ')).toBeUndefined();
    expect(valueOf(SUPPLEMENT_FIELDS.mainFuseA!, '63 A')).toBeNull();
    expect(valueOf(SUPPLEMENT_FIELDS.expectedPowerKw!, '-1')).toBeNull();
    expect(changesOf({ mainFuseA: 'sixty', bnr: '' })).toEqual({});
  });
});
