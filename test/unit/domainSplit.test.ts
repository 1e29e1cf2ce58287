// The contract and the core's handlers are split per domain and merged at the top: every call of the preload's list
// has exactly one declaration and exactly one handler. The `@ts-expect-error` lines are the build's half of the
// proof (`tsc -p tsconfig.test.json`); the tests are the run-time half.
import { describe, expect, it } from 'vitest';
import { API_NAMES, contract } from '../../shared/contract';
import { caseCalls } from '../../shared/contract/cases';
import { mergeDomains } from '../../shared/contract/mergeDomains';
import { coreHandlers, type CoreServices, type DomainHandlers } from '../../core/handlers';
import { CentralSettingsService } from '../../core/settings/centralSettingsService';
import { memorySettingsHost } from '../../core/settings/settingsHost';
import { CALLED_MUTATIONS, NAMED_MUTATIONS } from '../../shared/rules';

// A name two domains both declare does not build.
// @ts-expect-error 'case.get' declared twice
export const twice = () => mergeDomains({ 'case.get': 1, 'queue.list': 2 }, { 'case.get': 3 });
// A domain's handlers name calls of the contract only, with the call's input.
// @ts-expect-error 'case.gett' is no call
export const misspelt = { 'case.gett': () => null } satisfies DomainHandlers;
export const wrongInput = {
  // @ts-expect-error case.get's input has a caseId, not a noteId
  'case.get': (input) => input.noteId,
} satisfies DomainHandlers;

/** Just enough of the services for the handler factories to run: they only take what they need from it. */
const services = new Proxy({} as CoreServices, {
  get: (_target, name) => (name === 'settings' ? new CentralSettingsService(memorySettingsHost()) : undefined),
});

describe('the contract and the handlers, split per domain', () => {
  it('declares every call of the preload list once, and no other', () => {
    expect(new Set(API_NAMES).size).toBe(API_NAMES.length);
    expect(Object.keys(contract).sort()).toEqual([...API_NAMES].sort());
    expect(contract['case.addNote']).toBe(caseCalls['case.addNote']);
  });

  it('has exactly one handler for every call', () => {
    expect(Object.keys(coreHandlers(services)).sort()).toEqual([...API_NAMES].sort());
  });

  it('names each call that makes a mutation of its own name from the list of mutations', () => {
    expect(CALLED_MUTATIONS.filter((name) => !API_NAMES.includes(name))).toEqual([]);
    expect(CALLED_MUTATIONS).not.toContain('case.take');
    expect(Object.keys(NAMED_MUTATIONS).filter((name) => API_NAMES.includes(name as never)).sort()).toEqual([...CALLED_MUTATIONS].sort());
  });

  it('refuses at start-up a name two domains both declare', () => {
    // Widened on purpose: the compile-time check would refuse the duplicate before the run-time one is reached.
    const widened: object = { a: 3 };
    expect(() => mergeDomains({ a: 1 }, { b: 2 }, widened)).toThrow('a is declared by two domains');
    expect(mergeDomains({ a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
  });
});
