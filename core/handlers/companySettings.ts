// The company's practice (deadlines, reminders).
import type { CoreServices, DomainHandlers } from './coreServices';

export const companySettingsHandlers = ({ companySettings }: CoreServices) => ({
  'companySettings.get': () => companySettings.get(),
}) satisfies DomainHandlers;
