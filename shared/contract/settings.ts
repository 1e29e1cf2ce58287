// The settings screen's calls: which central service the app uses and who is signed in there, trying a service
// before saving it, signing in (which saves), signing out, and going back to standalone. The password goes to
// the service typed in and is never stored; what is kept is the token the service gives back.
import { z } from 'zod';
import { call, type DomainCalls } from './call';
import { Empty } from './common';

const Url = z.string().trim().min(1).max(2_048);
const Username = z.string().trim().min(1).max(63);
const Password = z.string().min(1).max(1_024);

/** "Test tilkobling": is there a service at `url`; with a user name and password, does it let me in. */
export const CentralTestInput = z
  .object({
    url: Url,
    username: Username.optional(),
    password: Password.optional(),
  })
  .strict();
export type CentralTestInput = z.infer<typeof CentralTestInput>;

/** "Logg inn og lagre": signs in at `url` and, when that worked, keeps the URL, the user name and the token. */
export const CentralSignInInput = z
  .object({
    url: Url,
    username: Username,
    password: Password,
  })
  .strict();
export type CentralSignInInput = z.infer<typeof CentralSignInInput>;

/**
 * "Logg inn med virksomhetens pålogging" (and whether the service at `url` offers it): the service names the
 * company's identity provider, the system browser signs the person in there, and the service hands out its own
 * session; when that worked the URL, the user name and the token are kept, as with a password.
 */
export const ProviderSignInInput = z.object({ url: Url }).strict();
export type ProviderSignInInput = z.infer<typeof ProviderSignInInput>;

export interface IdentityProviderOffer {
  /** The service at the URL names an identity provider (GET /api/login/oidc/config answered 200). */
  offered: boolean;
}

export interface CentralSettingsView {
  /** The service the app works against; null when it runs standalone. */
  central: {
    url: string;
    username: string;
    /** A token is kept and has not expired: the desk works against the service. False: sign in again. */
    signedIn: boolean;
    /** When the kept token stops being accepted (ISO); null when not signed in. */
    tokenExpiresAt: string | null;
  } | null;
  /** Whether the token can be kept by the operating system's keychain (Electron safeStorage) or for this session only. */
  tokenStorage: 'keychain' | 'session-only';
}

/** Why a test or a sign-in did not work, as a code the renderer translates (`settings.reason.<code>`). */
export type CentralSettingsProblem =
  | 'invalidUrl'
  | 'insecureUrl'
  | 'unreachable'
  | 'timeout'
  | 'connectionLost'
  | 'certificate'
  | 'notAService'
  | 'wrongPassword'
  | 'notADeskUser'
  | 'refused'
  // Signing in through the identity provider:
  /** This window cannot open the system browser (the browser harness): only the desktop app can. */
  | 'browserUnavailable'
  /** The system browser could not be opened. */
  | 'browserFailed'
  /** The service offers no sign-in through an identity provider. */
  | 'providerNotOffered'
  /** The service cannot reach the identity provider, or names it wrongly. */
  | 'providerUnavailable'
  /** The identity provider (or the service, after it) did not accept the sign-in, or the answer was not ours. */
  | 'providerRefused'
  /** Nobody finished the sign-in in the browser in time. */
  | 'providerTimeout'
  /** The person cancelled the sign-in in the desk. */
  | 'cancelled'
  /** The account is disabled at the service. */
  | 'accountDisabled';

export interface ConnectionTestResult {
  ok: boolean;
  /** When ok: the service answered its health check (its name). */
  service?: string;
  /** When ok and a password was given: the sign-in worked, as this person. */
  signedIn?: boolean;
  user?: string;
  displayName?: string;
  role?: string | null;
  /** When not ok: why. */
  reason?: CentralSettingsProblem;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const settingsCalls = {
  'settings.get': call<CentralSettingsView>()(Empty),
  'settings.testCentral': call<ConnectionTestResult>()(CentralTestInput),
  'settings.saveCentral': call<ConnectionTestResult>()(CentralSignInInput),
  'settings.signOut': call<{ restarting: boolean }>()(Empty),
  'settings.useStandalone': call<{ restarting: boolean }>()(Empty),
  'settings.identityProvider': call<IdentityProviderOffer>()(ProviderSignInInput),
  'settings.signInWithProvider': call<ConnectionTestResult>()(ProviderSignInInput),
  'settings.cancelProviderSignIn': call<{ cancelled: boolean }>()(Empty),
} satisfies DomainCalls;
