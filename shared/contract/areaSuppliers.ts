// The register of area suppliers (Områdeleverandører): read by everyone, kept by supervisors. Each supplier's
// framework agreement names the municipalities it covers and the kinds of grid-side work it takes, each with the
// agreement's due time in working days.
import { z } from 'zod';
import { AGREEMENT_DAYS_LIMITS, AGREEMENT_WORK_KINDS, type AgreementWorkKind } from '../rules/workOrders';
import { isValidOrganisationNumber } from '../rules/identifiers';
import { MunicipalityNumber } from './common';
import { call, type DomainCalls } from './call';
import { Empty } from './common';

export const AreaSupplierId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const optionalText = (max: number) =>
  z.string().trim().max(max).nullable().transform((value) => (value ? value : null));

/** Work an agreement can name, and so the only work that can be ordered from an area supplier. */
export const AgreementWorkKindSchema = z.enum(AGREEMENT_WORK_KINDS as [AgreementWorkKind, ...AgreementWorkKind[]]);

export const AgreementWorkSchema = z
  .partialRecord(AgreementWorkKindSchema,
    z.number().int().min(AGREEMENT_DAYS_LIMITS.min).max(AGREEMENT_DAYS_LIMITS.max))
  .refine((work) => Object.keys(work).length > 0, { message: 'the agreement includes no work' });

export const AreaSupplierSaveInput = z
  .object({
    /** Null: a new supplier. */
    id: AreaSupplierId.nullable(),
    organisationNumber: z
      .string()
      .transform((value) => value.replace(/\s+/g, ''))
      .refine(isValidOrganisationNumber, { message: 'not a valid organisation number' }),
    name: z.string().trim().min(1).max(200),
    contactPerson: optionalText(200),
    email: z.union([z.literal(''), z.email().max(254)]).nullable().transform((value) => (value ? value : null)),
    phone: optionalText(40).refine((value) => value === null || /^\+?[\d ]{5,20}$/.test(value), { message: 'not a phone number' }),
    municipalityNumbers: z.array(MunicipalityNumber).min(1).max(100)
      .transform((numbers) => [...new Set(numbers)].sort()),
    agreementWork: AgreementWorkSchema,
  })
  .strict();
export type AreaSupplierSaveInput = z.input<typeof AreaSupplierSaveInput>;
export type AreaSupplierValues = z.output<typeof AreaSupplierSaveInput>;

export interface AreaSupplierEntry {
  id: number;
  organisationNumber: string;
  name: string;
  contactPerson: string | null;
  email: string | null;
  phone: string | null;
  municipalityNumbers: string[];
  agreementWork: Partial<Record<AgreementWorkKind, number>>;
  /** A change made here that the central database has not yet recorded. */
  pending: boolean;
}

export interface AreaSupplierRegister {
  suppliers: AreaSupplierEntry[];
  /** Per kind of work an agreement can include, the municipalities no supplier covers for it. */
  gaps: Array<{ workKind: AgreementWorkKind; municipalityNumbers: string[] }>;
  /** Only a supervisor keeps the register. */
  canEdit: boolean;
  /** This client's saves the central database has not yet recorded (new suppliers included). */
  pendingSaves: number;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const areaSupplierCalls = {
  'areaSupplier.list': call<AreaSupplierRegister>()(Empty),
  'areaSupplier.save': call<AreaSupplierRegister>()(AreaSupplierSaveInput),
} satisfies DomainCalls;
