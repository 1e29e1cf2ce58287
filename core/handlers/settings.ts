// The central server's settings and the sign-in: the service declares its own calls (settings/centralSettingsService.ts).
import type { CoreServices, DomainHandlers } from './coreServices';

export const settingsHandlers = ({ settings }: CoreServices) => settings.handlers() satisfies DomainHandlers;
