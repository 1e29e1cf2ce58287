import { describe, expect, it } from 'vitest';
import { releasedWorkDueDate, workRelease, type CaseStatus, type WorkReleaseFacts } from '../../shared/rules';

const offerCase = (status: CaseStatus, more: Partial<WorkReleaseFacts> = {}): WorkReleaseFacts => ({
  status,
  offerCase: true,
  releaseOnAcceptance: false,
  approvedOn: '2026-11-02',
  acceptedOn: null,
  paidOn: null,
  completionReportedOn: null,
  ...more,
});

describe('workRelease: the service-line work of an offer case', () => {
  it('waits for approval, then for the offer to be sent, then for payment', () => {
    for (const status of ['new', 'in_review', 'waiting_for_info'] as const) {
      expect(workRelease('service_cable_connection', offerCase(status, { approvedOn: null }))).toEqual({ released: false, awaits: 'approval' });
    }
    expect(workRelease('service_cable_connection', offerCase('approved'))).toEqual({ released: false, awaits: 'offerSent' });
    expect(workRelease('service_cable_connection', offerCase('offer_sent'))).toEqual({ released: false, awaits: 'payment' });
    expect(workRelease('service_cable_connection', offerCase('offer_accepted', { acceptedOn: '2026-11-10' })))
      .toEqual({ released: false, awaits: 'payment' });
    expect(workRelease('service_cable_connection', offerCase('invoice_sent', { acceptedOn: '2026-11-10' })))
      .toEqual({ released: false, awaits: 'payment' });
  });

  it('is released by the payment, on the day it was paid', () => {
    expect(workRelease('service_cable_connection', offerCase('paid', { acceptedOn: '2026-11-10', paidOn: '2026-11-20' })))
      .toEqual({ released: true, by: 'payment', on: '2026-11-20' });
  });

  it('is released by the acceptance where the company releases then (and stays released by it after payment)', () => {
    const more = { releaseOnAcceptance: true, acceptedOn: '2026-11-10' };
    expect(workRelease('service_cable_connection', offerCase('offer_sent', { releaseOnAcceptance: true })))
      .toEqual({ released: false, awaits: 'acceptance' });
    expect(workRelease('service_cable_connection', offerCase('offer_accepted', more))).toEqual({ released: true, by: 'acceptance', on: '2026-11-10' });
    expect(workRelease('service_cable_connection', offerCase('invoice_sent', more))).toEqual({ released: true, by: 'acceptance', on: '2026-11-10' });
    expect(workRelease('service_cable_connection', offerCase('paid', { ...more, paidOn: '2026-11-20' })))
      .toEqual({ released: true, by: 'acceptance', on: '2026-11-10' });
  });

  it('stays released after the ferdigmelding', () => {
    expect(workRelease('service_cable_connection', offerCase('completion_reported', { paidOn: '2026-11-20', completionReportedOn: '2026-11-25' })))
      .toEqual({ released: true, by: 'payment', on: '2026-11-20' });
  });
});

describe('workRelease: a case with no offer', () => {
  it('is released by the approval', () => {
    const facts = { ...offerCase('approved'), offerCase: false };
    expect(workRelease('uninsulated_cabinet_work', facts)).toEqual({ released: true, by: 'approval', on: '2026-11-02' });
    expect(workRelease('construction_power_connection', facts)).toEqual({ released: true, by: 'approval', on: '2026-11-02' });
  });
});

describe('workRelease: meter mounting', () => {
  it('waits for the ferdigmelding even when paid or approved without an offer', () => {
    expect(workRelease('direct_meter_mounting', offerCase('paid', { paidOn: '2026-11-20' }))).toEqual({ released: false, awaits: 'completionNotice' });
    expect(workRelease('direct_meter_mounting', { ...offerCase('approved'), offerCase: false })).toEqual({ released: false, awaits: 'completionNotice' });
    expect(workRelease('transformer_meter_mounting', offerCase('in_review'))).toEqual({ released: false, awaits: 'approval' });
  });

  it('is released by the ferdigmelding, on the day it arrived', () => {
    for (const status of ['completion_reported', 'meter_mounted', 'metering_point_registered'] as const) {
      expect(workRelease('direct_meter_mounting', offerCase(status, { paidOn: '2026-11-20', completionReportedOn: '2026-11-25' })))
        .toEqual({ released: true, by: 'completionNotice', on: '2026-11-25' });
    }
  });
});

describe('workRelease: an ended case releases nothing', () => {
  it('refuses rejected, closed, developer-project and termination cases', () => {
    for (const status of ['rejected', 'closed', 'developer_project', 'termination_requested'] as const) {
      expect(workRelease('service_cable_connection', offerCase(status, { paidOn: '2026-11-20' }))).toEqual({ released: false, awaits: 'caseEnded' });
      expect(workRelease('direct_meter_mounting', offerCase(status))).toEqual({ released: false, awaits: 'caseEnded' });
    }
  });
});

describe('releasedWorkDueDate: counted from the release, not from the order', () => {
  it('counts the agreement days from the release day', () => {
    // Friday 20 November 2026 + 10 working days = Friday 4 December, whenever it is ordered.
    expect(releasedWorkDueDate({ released: true, by: 'payment', on: '2026-11-20' }, '2026-11-27', 10)).toBe('2026-12-04');
  });

  it('counts from the order day when the release clock has run out by the day it is ordered', () => {
    // Released Monday 2 November + 10 working days = 16 November, long past on 27 November: due 11 December.
    expect(releasedWorkDueDate({ released: true, by: 'approval', on: '2026-11-02' }, '2026-11-27', 10)).toBe('2026-12-11');
    // Due on the order day itself is not after it either.
    expect(releasedWorkDueDate({ released: true, by: 'payment', on: '2026-11-13' }, '2026-11-27', 10)).toBe('2026-12-11');
  });

  it('counts from the order day where the history does not say when the release was', () => {
    expect(releasedWorkDueDate({ released: true, by: 'payment', on: null }, '2026-11-27', 10)).toBe('2026-12-11');
  });
});
