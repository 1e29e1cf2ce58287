// Where each fact a request for information can ask for goes in a supplement (the import format's `changes`), and
// how it is typed in. Facts that a supplement cannot change (the request type, the owner's kind of id, the
// installer) have no input: the installer answers them in words.
import type { FactField } from '../../../../shared/rules';

type Group = 'installation' | 'owner' | 'production' | 'top';
type InputKind = 'integer' | 'decimal' | 'text' | 'list' | 'date' | 'email';

export interface SupplementField {
  group: Group;
  /** The key inside the group (or at the top of `changes`). */
  key: string;
  input: InputKind;
}

export const SUPPLEMENT_FIELDS: Partial<Record<FactField, SupplementField>> = {
  mainFuseA: { group: 'installation', key: 'mainFuseA', input: 'integer' },
  meterFuseA: { group: 'installation', key: 'meterFuseA', input: 'integer' },
  expectedPowerKw: { group: 'installation', key: 'expectedPowerKw', input: 'decimal' },
  expectedEnergyKwh: { group: 'installation', key: 'expectedEnergyKwh', input: 'decimal' },
  evChargingA: { group: 'installation', key: 'evChargingA', input: 'integer' },
  unitCount: { group: 'installation', key: 'unitCount', input: 'integer' },
  meteringPointIds: { group: 'installation', key: 'meteringPointIds', input: 'list' },
  meterNumbers: { group: 'installation', key: 'meterNumbers', input: 'list' },
  gnr: { group: 'installation', key: 'gnr', input: 'integer' },
  bnr: { group: 'installation', key: 'bnr', input: 'integer' },
  fnr: { group: 'installation', key: 'fnr', input: 'integer' },
  snr: { group: 'installation', key: 'snr', input: 'integer' },
  address: { group: 'installation', key: 'address', input: 'text' },
  postcode: { group: 'installation', key: 'postcode', input: 'text' },
  municipalityNumber: { group: 'installation', key: 'municipalityNumber', input: 'text' },
  productionKw: { group: 'production', key: 'productionKw', input: 'decimal' },
  inverter: { group: 'production', key: 'inverter', input: 'text' },
  batteryKwh: { group: 'production', key: 'batteryKwh', input: 'decimal' },
  ownerName: { group: 'owner', key: 'name', input: 'text' },
  ownerEmail: { group: 'owner', key: 'email', input: 'email' },
  ownerPhone: { group: 'owner', key: 'phone', input: 'text' },
  ownerOrganisationNumber: { group: 'owner', key: 'organisationNumber', input: 'text' },
  wantedStartDate: { group: 'top', key: 'wantedStartDate', input: 'date' },
  wantedConnectionDate: { group: 'top', key: 'wantedConnectionDate', input: 'date' },
};

/** The typed value of an input, or undefined when it is empty; null when it does not parse. */
export function valueOf(field: SupplementField, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  switch (field.input) {
    case 'integer':
      return /^\d+$/.test(text) ? Number(text) : null;
    case 'decimal': {
      const value = Number(text.replace(',', '.'));
      return Number.isFinite(value) && value >= 0 ? value : null;
    }
    case 'list':
      return text.split(/[,\s]+/).filter((part) => part !== '');
    default:
      return text;
  }
}

/** The supplement's `changes` from the typed values (field → raw text). */
export function changesOf(values: Partial<Record<FactField, string>>): Record<string, unknown> {
  const changes: Record<string, Record<string, unknown> | unknown> = {};
  for (const [name, raw] of Object.entries(values) as [FactField, string][]) {
    const field = SUPPLEMENT_FIELDS[name];
    const value = field ? valueOf(field, raw) : undefined;
    if (!field || value === undefined || value === null) continue;
    if (field.group === 'top') {
      changes[field.key] = value;
    } else {
      const group = (changes[field.group] ?? {}) as Record<string, unknown>;
      group[field.key] = value;
      changes[field.group] = group;
    }
  }
  return changes;
}
