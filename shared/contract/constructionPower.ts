// Construction power's steps and what the case view shows of them (rules/constructionPower.ts): the cabinet
// connected with the meter's reading at the start, taken down with the final reading, and the rent for the days.
import { z } from 'zod';
import { METER_READING_MAX } from '../rules/constructionPower';
import { CaseId } from './common';

/** A meter register in kWh, as read: not negative, at most one decimal (the central column keeps one). */
export const MeterReading = z
  .number()
  .finite()
  .min(0)
  .max(METER_READING_MAX)
  .refine((value) => Math.round(value * 10) / 10 === value, { message: 'at most one decimal' });

/** The readings and dates may be absent here: the rules table refuses with a code the handler reads. */
export const ConnectionArgs = z
  .object({ caseId: CaseId, startReading: MeterReading.optional(), connectedOn: z.iso.date().optional() })
  .strict();

/** The start may be given with the disconnection only for a case whose connection was never recorded. */
export const DisconnectionArgs = z
  .object({
    caseId: CaseId,
    finalReading: MeterReading.optional(),
    disconnectedOn: z.iso.date().optional(),
    startReading: MeterReading.optional(),
    connectedOn: z.iso.date().optional(),
  })
  .strict();

export const CONSTRUCTION_POWER_ACTIONS = ['registerConnection', 'registerDisconnection'] as const;
export type ConstructionPowerAction = (typeof CONSTRUCTION_POWER_ACTIONS)[number];

export const ConstructionPowerAct = z.discriminatedUnion('action', [
  ConnectionArgs.extend({ action: z.literal('registerConnection') }).strict(),
  DisconnectionArgs.extend({ action: z.literal('registerDisconnection') }).strict(),
]);

/** The cabinet's period as the case view and the portal show it; amounts in øre. */
export interface ConstructionPowerView {
  connectedOn: string | null;
  startReading: number | null;
  disconnectedOn: string | null;
  finalReading: number | null;
  /** Final minus start reading, kWh; null until both are read. */
  consumptionKwh: number | null;
  /** Days from connection to disconnection (both counted), or to today while the cabinet stands. */
  days: number | null;
  /** True while the cabinet stands: days and rent run to today and are not yet billed. */
  running: boolean;
  rent: { rateOre: number; netOre: number; vatOre: number; grossOre: number } | null;
}
