// Where a stopped message came from, in words: the portal names the sending firm by its organisation number
// (`portal:923609016`, as the central service records it); anything else is the file it was read from.
import type { TFunction } from 'i18next';

const PORTAL_PREFIX = 'portal:';

export function describeSource(t: TFunction, source: string): string {
  if (!source.startsWith(PORTAL_PREFIX)) return t('quarantine.sourceFile', { file: source });
  const number = source.slice(PORTAL_PREFIX.length);
  const printed = /^\d{9}$/.test(number) ? `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}` : number;
  return t('quarantine.sourcePortal', { organisationNumber: printed });
}
