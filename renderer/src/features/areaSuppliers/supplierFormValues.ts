// The register form's values as typed, checked with the same rules the core uses (organisation number check digit,
// agreement days), each problem as an i18n key beside its field; and the call's input made from them.
import type { AreaSupplierEntry, AreaSupplierSaveInput } from '../../../../shared/contract/areaSuppliers';
import { AGREEMENT_DAYS_LIMITS, AGREEMENT_WORK_KINDS, type AgreementWorkKind } from '../../../../shared/rules/workOrders';
import { organisationNumberWarning, type Warning } from '../case/identifierWarnings';

export interface SupplierFormValues {
  id: number | null;
  organisationNumber: string;
  name: string;
  contactPerson: string;
  email: string;
  phone: string;
  municipalityNumbers: string[];
  /** Per kind of work: included, and its due time as typed. */
  work: Record<AgreementWorkKind, { included: boolean; days: string }>;
}

export function formValuesOf(entry: AreaSupplierEntry | null): SupplierFormValues {
  const work = Object.fromEntries(AGREEMENT_WORK_KINDS.map((kind) => {
    const days = entry?.agreementWork[kind];
    return [kind, { included: days !== undefined, days: String(days ?? (kind === 'direct_meter_mounting' ? 5 : 10)) }];
  })) as SupplierFormValues['work'];
  return {
    id: entry?.id ?? null,
    organisationNumber: entry?.organisationNumber ?? '',
    name: entry?.name ?? '',
    contactPerson: entry?.contactPerson ?? '',
    email: entry?.email ?? '',
    phone: entry?.phone ?? '',
    municipalityNumbers: entry ? [...entry.municipalityNumbers] : [],
    work,
  };
}

export type FormProblems = Partial<Record<'organisationNumber' | 'name' | 'email' | 'phone' | 'municipalityNumbers' | 'work' | AgreementWorkKind, Warning>>;

const wholeDays = (text: string) => /^\d+$/.test(text.trim()) && Number(text) >= AGREEMENT_DAYS_LIMITS.min && Number(text) <= AGREEMENT_DAYS_LIMITS.max;

export function problemsOf(values: SupplierFormValues): FormProblems {
  const problems: FormProblems = {};
  const org = organisationNumberWarning(values.organisationNumber);
  if (org) problems.organisationNumber = org;
  if (values.name.trim() === '') problems.name = { key: 'areaSuppliers.form.problems.name' };
  if (values.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) problems.email = { key: 'areaSuppliers.form.problems.email' };
  if (values.phone.trim() !== '' && !/^\+?[\d ]{5,20}$/.test(values.phone.trim())) problems.phone = { key: 'areaSuppliers.form.problems.phone' };
  if (values.municipalityNumbers.length === 0) problems.municipalityNumbers = { key: 'areaSuppliers.form.problems.municipalities' };
  if (!AGREEMENT_WORK_KINDS.some((kind) => values.work[kind].included)) problems.work = { key: 'areaSuppliers.form.problems.work' };
  for (const kind of AGREEMENT_WORK_KINDS) {
    if (values.work[kind].included && !wholeDays(values.work[kind].days)) {
      problems[kind] = { key: 'areaSuppliers.form.problems.days', values: AGREEMENT_DAYS_LIMITS };
    }
  }
  return problems;
}

export function saveInputOf(values: SupplierFormValues): AreaSupplierSaveInput {
  return {
    id: values.id,
    organisationNumber: values.organisationNumber,
    name: values.name,
    contactPerson: values.contactPerson,
    email: values.email,
    phone: values.phone,
    municipalityNumbers: values.municipalityNumbers,
    agreementWork: Object.fromEntries(
      AGREEMENT_WORK_KINDS.filter((kind) => values.work[kind].included).map((kind) => [kind, Number(values.work[kind].days)]),
    ),
  };
}
