import { describe, expect, it } from 'vitest';
import { completesCase, completionNoticeProblems, completionRefusalMessage } from '../../shared/rules';

const declared = { attachmentKinds: ['declaration_of_conformity' as const], meterReadings: [] };

describe('completionNoticeProblems: what a ferdigmelding must carry', () => {
  it('takes a new installation with its samsvarserklæring: its meter is mounted after the notice', () => {
    expect(completionNoticeProblems('new_installation', [], declared)).toEqual([]);
  });

  it('refuses one without the samsvarserklæring', () => {
    expect(completionNoticeProblems('new_installation', [], { attachmentKinds: ['site_map'], meterReadings: [] }))
      .toEqual([{ code: 'declarationMissing' }]);
  });

  it("refuses one without the reading of a meter the case names, naming the meter", () => {
    const content = { ...declared, meterReadings: [{ meterNumber: ' 7359992 ', readingKwh: 12_345 }] };
    expect(completionNoticeProblems('fuse_change', ['7359992'], content)).toEqual([]);
    expect(completionNoticeProblems('fuse_change', ['7359992', '7359993'], content))
      .toEqual([{ code: 'meterReadingMissing', meterNumbers: ['7359993'] }]);
    expect(completionNoticeProblems('metering_point_work', ['1'], { attachmentKinds: [], meterReadings: [] }))
      .toEqual([{ code: 'declarationMissing' }, { code: 'meterReadingMissing', meterNumbers: ['1'] }]);
  });

  it("leaves construction power's termination request to its own flow", () => {
    expect(completionNoticeProblems('temporary_installation', ['1'], { attachmentKinds: [], meterReadings: [] })).toEqual([]);
  });
});

describe('completesCase', () => {
  it('a partial notice does not complete the case; one without the flag does', () => {
    expect(completesCase({ partial: true })).toBe(false);
    expect(completesCase({ partial: false })).toBe(true);
    expect(completesCase({})).toBe(true);
  });
});

describe('completionRefusalMessage', () => {
  it('tells the installer, in bokmål, every reason and what to do next', () => {
    const { subject, body } = completionRefusalMessage({
      caseNumber: '2026-000123', address: 'Strandveien 4, 4631 Kristiansand',
      refusals: [{ code: 'declarationMissing' }, { code: 'meterReadingMissing', meterNumbers: ['7359993'] }],
    });
    expect(subject).toBe('Ferdigmelding ikke mottatt – 2026-000123, Strandveien 4, 4631 Kristiansand');
    expect(body).toContain('- Samsvarserklæringen mangler.');
    expect(body).toContain('§ 12');
    expect(body).toContain('- Målerstanden mangler for måler 7359993.');
    expect(body).toContain('Send en ny ferdigmelding i portalen');
    expect(body).not.toMatch(/declarationMissing|meterReadingMissing/);
  });
});
