// The grid company's people in the demo. The first case handler is the one the app opens as.
import type { UserRole } from '../../shared/rules';
import { Random, weightedPicker } from './random';

export interface DemoUser {
  id: string;
  displayName: string;
  role: UserRole;
  active: boolean;
}

export const CURRENT_DEMO_USER_ID = 'kari.nordmann';

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'kari.nordmann', displayName: 'Kari Nordmann', role: 'case_handler', active: true },
  { id: 'per.tonnessen', displayName: 'Per Tønnessen', role: 'case_handler', active: true },
  { id: 'ingrid.salvesen', displayName: 'Ingrid Salvesen', role: 'case_handler', active: true },
  { id: 'jonas.egeland', displayName: 'Jonas Egeland', role: 'case_handler', active: true },
  { id: 'silje.omdal', displayName: 'Silje Omdal', role: 'case_handler', active: true },
  { id: 'lars.haugland', displayName: 'Lars Haugland', role: 'case_handler', active: true },
  // Retired last year: still named in the history of older cases.
  { id: 'bjorn.vik', displayName: 'Bjørn Vik', role: 'case_handler', active: false },
  { id: 'marit.rosseland', displayName: 'Marit Rosseland', role: 'supervisor', active: true },
  { id: 'tor.ugland', displayName: 'Tor Ugland', role: 'supervisor', active: true },
  { id: 'liv.berge', displayName: 'Liv Berge', role: 'reader', active: true },
];

export const userEmail = (user: DemoUser): string => `${user.id}@agdernett.no`;

/** The portal's events carry this actor id; no user row matches it, so the history shows it as is. */
export const PORTAL_ACTOR = 'elsmart';

const SUPERVISORS = DEMO_USERS.filter((u) => u.role === 'supervisor').map((u) => u.id);
const handlerWeights = (includeRetired: boolean) =>
  weightedPicker(
    DEMO_USERS.filter((u) => u.role === 'case_handler' && (u.active || includeRetired)).map(
      // Part-timers and a newcomer take fewer cases.
      (u) => [u.id, u.id === 'lars.haugland' ? 0.5 : u.id === 'silje.omdal' ? 0.7 : 1] as const,
    ),
  );
const activeHandler = handlerWeights(false);
const anyHandler = handlerWeights(true);

export function pickHandler(random: Random, handledBeforeRetirement: boolean): string {
  return handledBeforeRetirement ? anyHandler(random) : activeHandler(random);
}

export function pickSupervisor(random: Random): string {
  return random.pick(SUPERVISORS);
}
