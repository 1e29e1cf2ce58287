// The settings screen's calls: which central service the app uses, trying one before saving it, signing in
// (which saves the URL, the user name and the token — never the password), signing out, and going back to
// standalone. Saving or signing out asks the shell to reopen the core, since another service or person means
// another cache. Staff whose company runs an identity provider sign in through it instead of with a password:
// the system browser (the host's openExternal, absent in the browser harness) and a loopback redirect
// (service/oidcSignIn.ts); what is kept afterwards is the same as after a password sign-in.
//
// Secrets go only where the person sent them: a test carries the password typed with it and nothing stored,
// so typing another URL can never send the kept token (or anything else kept) to that host.
import type {
  CentralSettingsProblem,
  CentralSettingsView,
  CentralSignInInput,
  CentralTestInput,
  ConnectionTestResult,
  IdentityProviderOffer,
  ProviderSignInInput,
} from '../../shared/contract';
import type { LoginOutput } from '../../shared/serviceApi';
import { OidcConfigOutput } from '../../shared/serviceApi/oidc';
import { OidcSignInError, signInWithIdentityProvider, type OidcSignInOptions } from '../service/oidcSignIn';
import { probeService, signIn } from '../service/serviceAuth';
import { checkServiceUrl, type ServiceEndpoint } from '../service/serviceEndpoint';
import { ServiceHttp, ServiceRefusal, ServiceUnreachable } from '../service/serviceHttp';
import type { SettingsHost } from './settingsHost';

/** Opens a URL in the system browser (Electron's shell.openExternal, for vetted URLs only); absent in the harness. */
export type OpenExternal = (url: string) => Promise<void>;

/** The identity provider's sign-in, replaceable in tests. */
export type ProviderSignIn = (endpoint: ServiceEndpoint, openExternal: OpenExternal, options: OidcSignInOptions) => Promise<LoginOutput>;

export interface CentralSettingsOptions {
  openExternal?: OpenExternal;
  /** Defaults to signInWithIdentityProvider (core/service/oidcSignIn.ts). */
  providerSignIn?: ProviderSignIn;
}

/** A failure of the sign-in through the identity provider, as the code the renderer translates. */
export function classifyProviderError(error: unknown): CentralSettingsProblem {
  if (error instanceof OidcSignInError) {
    switch (error.problem) {
      case 'badConfig':
        return 'providerUnavailable';
      case 'browserFailed':
        return 'browserFailed';
      case 'timeout':
        return 'providerTimeout';
      case 'cancelled':
        return 'cancelled';
      case 'stateMismatch':
      case 'providerRefused':
        return 'providerRefused';
    }
  }
  if (error instanceof ServiceRefusal) {
    if (error.code === 'auth.accountDisabled') return 'accountDisabled';
    if (error.code === 'auth.noRole' || error.code === 'auth.noUsername') return 'notADeskUser';
    if (error.code === 'auth.oidcUnavailable') return 'providerUnavailable';
    if (error.status === 404) return 'providerNotOffered';
    if (error.status === 401 || error.status === 400) return 'providerRefused';
  }
  // The service answered, but with 5xx: it cannot reach the provider (auth.oidcUnavailable, auth.oidcFailed).
  if (error instanceof ServiceUnreachable && /: HTTP 5\d\d$/.test(error.message)) return 'providerUnavailable';
  return classifyServiceError(error);
}

/** A failure of a health check or a sign-in, as the code the renderer translates. */
export function classifyServiceError(error: unknown): CentralSettingsProblem {
  if (error instanceof ServiceRefusal) {
    if (error.status === 401) return 'wrongPassword';
    if (error.status === 403 || error.code === 'notADeskUser') return 'notADeskUser';
    if (error.status === 404 || error.status === 405) return 'notAService';
    return 'refused';
  }
  if (error instanceof ServiceUnreachable) {
    if (/certificate|self[- ]signed|CERT_|altname/i.test(error.message)) return 'certificate';
    return error.reason;
  }
  // An answer that is not what the service sends (another program on that port): zod's or JSON's complaint.
  return 'notAService';
}

export function isTokenUsable(token: string | null, expiresAt: string | null, now: Date): boolean {
  if (token === null || token === '') return false;
  if (expiresAt === null) return true;
  const until = Date.parse(expiresAt);
  return Number.isNaN(until) || until > now.getTime();
}

export class CentralSettingsService {
  /** The sign-in through the identity provider under way (at most one), to cancel from the desk. */
  private providerAttempt: AbortController | null = null;

  constructor(
    private readonly host: SettingsHost,
    private readonly now: () => Date = () => new Date(),
    private readonly options: CentralSettingsOptions = {},
  ) {}

  view(): CentralSettingsView {
    const settings = this.host.load();
    const signedIn = settings !== null && isTokenUsable(this.host.token(), this.host.tokenExpiresAt(), this.now());
    return {
      central: settings
        ? { url: settings.url, username: settings.username, signedIn, tokenExpiresAt: signedIn ? this.host.tokenExpiresAt() : null }
        : null,
      tokenStorage: this.host.tokenStorage,
    };
  }

  /** The endpoint for a typed URL: the saved company CA only when it is the saved URL (a CA is no secret). */
  private endpointFor(url: string): ServiceEndpoint | CentralSettingsProblem {
    const checked = checkServiceUrl(url);
    if (!checked.ok) return checked.problem;
    const saved = this.host.load();
    return saved?.ca && saved.url === checked.url ? { url: checked.url, ca: saved.ca } : { url: checked.url };
  }

  async test(input: CentralTestInput): Promise<ConnectionTestResult> {
    const endpoint = this.endpointFor(input.url);
    if (typeof endpoint === 'string') return { ok: false, reason: endpoint };
    let service: string;
    try {
      const health = await probeService(endpoint);
      if (typeof health?.service !== 'string') return { ok: false, reason: 'notAService' };
      service = health.service;
    } catch (error) {
      return { ok: false, reason: classifyServiceError(error) };
    }
    // Only what was typed with this test goes to this URL: never the stored token or anything else kept.
    if (input.username === undefined || input.password === undefined) return { ok: true, service, signedIn: false };
    try {
      const login = await signIn(endpoint, input.username, input.password);
      return { ok: true, service, signedIn: true, user: login.user.id, displayName: login.user.displayName, role: login.user.role };
    } catch (error) {
      return { ok: false, service, reason: classifyServiceError(error) };
    }
  }

  /** Whether the service at the URL offers sign-in through an identity provider (nothing stored is sent). */
  async identityProvider(input: ProviderSignInInput): Promise<IdentityProviderOffer> {
    const endpoint = this.endpointFor(input.url);
    if (typeof endpoint === 'string') return { offered: false };
    return { offered: await offersIdentityProvider(endpoint) };
  }

  /**
   * "Logg inn med virksomhetens pålogging": the system browser at the identity provider the service names, the
   * answer on a loopback listener, the service's session; then kept and restarted as after a password sign-in.
   */
  async signInWithProvider(input: ProviderSignInInput): Promise<ConnectionTestResult> {
    const endpoint = this.endpointFor(input.url);
    if (typeof endpoint === 'string') return { ok: false, reason: endpoint };
    const openExternal = this.options.openExternal;
    if (!openExternal) return { ok: false, reason: 'browserUnavailable' };
    // A second press starts over: the first attempt's listener closes.
    this.providerAttempt?.abort();
    const attempt = new AbortController();
    this.providerAttempt = attempt;
    let login: LoginOutput;
    try {
      login = await (this.options.providerSignIn ?? signInWithIdentityProvider)(endpoint, openExternal, { signal: attempt.signal });
    } catch (error) {
      return { ok: false, reason: classifyProviderError(error) };
    } finally {
      if (this.providerAttempt === attempt) this.providerAttempt = null;
    }
    // Another attempt began meanwhile: this one's answer is not what the person waits for now.
    if (attempt.signal.aborted) return { ok: false, reason: 'cancelled' };
    this.host.save({ ...endpoint, username: login.user.id }, { value: login.token, expiresAt: login.expiresAt });
    this.host.requestRestart();
    return { ok: true, signedIn: true, user: login.user.id, displayName: login.user.displayName, role: login.user.role };
  }

  /** The person pressed Avbryt while the browser was open: the waiting attempt ends (its listener closes). */
  cancelProviderSignIn(): { cancelled: boolean } {
    const attempt = this.providerAttempt;
    this.providerAttempt = null;
    attempt?.abort();
    return { cancelled: attempt !== null };
  }

  /** Signs in at the typed URL with the typed password; on success keeps URL, user name and token, and restarts. */
  async save(input: CentralSignInInput): Promise<ConnectionTestResult> {
    const endpoint = this.endpointFor(input.url);
    if (typeof endpoint === 'string') return { ok: false, reason: endpoint };
    let login;
    try {
      login = await signIn(endpoint, input.username, input.password);
    } catch (error) {
      return { ok: false, reason: classifyServiceError(error) };
    }
    this.host.save({ ...endpoint, username: login.user.id }, { value: login.token, expiresAt: login.expiresAt });
    this.host.requestRestart();
    return { ok: true, signedIn: true, user: login.user.id, displayName: login.user.displayName, role: login.user.role };
  }

  /** Forgets the token (the URL and user name stay, to sign in again); the desk reopens signed out. */
  signOut(): { restarting: boolean } {
    const settings = this.host.load();
    if (!settings) return { restarting: false };
    const hadToken = this.host.token() !== null;
    this.host.save(settings, null);
    if (hadToken) this.host.requestRestart();
    return { restarting: hadToken };
  }

  useStandalone(): { restarting: boolean } {
    const wasCentral = this.host.load() !== null;
    this.host.clear();
    if (wasCentral) this.host.requestRestart();
    return { restarting: wasCentral };
  }

  /** The contract's settings.* handlers, for the core (and the signed-out desk) to register as they are. */
  handlers() {
    return {
      'settings.get': () => this.view(),
      'settings.testCentral': (input: CentralTestInput) => this.test(input),
      'settings.saveCentral': (input: CentralSignInInput) => this.save(input),
      'settings.signOut': () => this.signOut(),
      'settings.useStandalone': () => this.useStandalone(),
      'settings.identityProvider': (input: ProviderSignInInput) => this.identityProvider(input),
      'settings.signInWithProvider': (input: ProviderSignInInput) => this.signInWithProvider(input),
      'settings.cancelProviderSignIn': () => this.cancelProviderSignIn(),
    } as const;
  }
}

/** GET /api/login/oidc/config answers 200 with a usable configuration; 404 (none configured), or anything else, is no. */
async function offersIdentityProvider(endpoint: ServiceEndpoint): Promise<boolean> {
  const http = new ServiceHttp(endpoint);
  try {
    return OidcConfigOutput.safeParse(await http.request<unknown>({ method: 'GET', path: '/api/login/oidc/config', timeoutMs: 5_000 })).success;
  } catch {
    return false;
  } finally {
    http.close();
  }
}
