import { describe, expect, it } from 'vitest';
import {
  GRID_WORK_KINDS,
  PREQUALIFICATION_FOR_WORK,
  REQUEST_TYPES,
  requiredGridWork,
  type GridWorkFacts,
} from '../../shared/rules';

const house: Omit<GridWorkFacts, 'requestType'> = {
  mainFuseA: 40,
  meterFuseA: null,
  phases: 3,
  networkSystem: '400V_TN',
  buildingUse: 'house',
  unitCount: 1,
  hasProduction: false,
};
const work = (requestType: GridWorkFacts['requestType'], facts: Partial<GridWorkFacts> = {}) =>
  requiredGridWork({ ...house, requestType, ...facts });

describe('requiredGridWork', () => {
  it('a new installation needs a service cable and a direct meter', () => {
    expect(work('new_installation')).toEqual(['service_cable_connection', 'direct_meter_mounting']);
  });

  it('80 A is still a direct meter; 81 A needs a transformer meter', () => {
    expect(work('new_installation', { mainFuseA: 80 })).toEqual(['service_cable_connection', 'direct_meter_mounting']);
    expect(work('new_installation', { mainFuseA: 81 })).toEqual(['service_cable_connection', 'transformer_meter_mounting']);
    expect(work('fuse_change', { mainFuseA: 80 })).toEqual(['direct_meter_mounting']);
    expect(work('fuse_change', { mainFuseA: 125 })).toEqual(['transformer_meter_mounting']);
  });

  it('an unknown main fuse counts as direct-connected', () => {
    expect(work('new_metering_point', { mainFuseA: null })).toEqual(['direct_meter_mounting']);
  });

  it('maps each request type to its work', () => {
    expect(work('new_metering_point')).toEqual(['direct_meter_mounting']);
    expect(work('temporary_installation')).toEqual(['construction_power_connection']);
    expect(work('fuse_change')).toEqual(['direct_meter_mounting']);
    expect(work('metering_point_work')).toEqual(['direct_meter_mounting']);
    expect(work('production')).toEqual(['direct_meter_mounting']);
    expect(work('join_split')).toEqual(['direct_meter_mounting']);
    expect(work('street_lighting')).toEqual(['uninsulated_cabinet_work']);
  });

  it('production on a request without meter work adds a two-way meter, once', () => {
    expect(work('street_lighting', { hasProduction: true })).toEqual(['uninsulated_cabinet_work', 'direct_meter_mounting']);
    expect(work('new_installation', { hasProduction: true })).toEqual(['service_cable_connection', 'direct_meter_mounting']);
    expect(work('temporary_installation', { hasProduction: true })).toEqual(['construction_power_connection']);
  });

  it('every request type needs some work but a change of use and a disconnection, and every work kind is mapped to a prequalification or to the grid company', () => {
    for (const type of REQUEST_TYPES.filter((t) => t !== 'change_of_use' && t !== 'permanent_disconnection')) {
      expect(work(type).length, type).toBeGreaterThan(0);
    }
    expect(Object.keys(PREQUALIFICATION_FOR_WORK).sort()).toEqual([...GRID_WORK_KINDS].sort());
    expect(PREQUALIFICATION_FOR_WORK.transformer_meter_mounting).toBeNull();
    expect(PREQUALIFICATION_FOR_WORK.construction_power_connection).toBe('insulated_cabinet_switching');
    expect(PREQUALIFICATION_FOR_WORK.service_cable_connection).toBe('service_cable');
    expect(PREQUALIFICATION_FOR_WORK.direct_meter_mounting).toBe('direct_meter');
  });
});

describe('the request types of issue 13 item 9', () => {
  it('a change of use is reported to the electrical inspection only: no grid work, even with production', () => {
    expect(work('change_of_use')).toEqual([]);
    expect(work('change_of_use', { hasProduction: true })).toEqual([]);
  });

  it('a permanent disconnection is the grid company\'s own job: nothing to route to an installer', () => {
    expect(work('permanent_disconnection')).toEqual([]);
    expect(work('permanent_disconnection', { hasProduction: true })).toEqual([]);
  });

  it('a moved service line is connected anew in the cabinet; the meter stays', () => {
    expect(work('service_line_move')).toEqual(['service_cable_connection']);
  });
});
