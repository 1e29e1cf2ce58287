// The installer check of a case (DSB register, prequalification, grid-side work) and the routing decision.
import { z } from 'zod';
import { GRID_WORK_KINDS, WORK_PERFORMERS, type GridWorkKind, type PrequalificationCategory, type WorkPerformer } from '../rules/domain';
import type { InstallerCheck } from '../rules/installerCheck';
import type { WorkOrderStatus } from '../rules/workOrders';
import { CaseId } from './common';
import { call, type DomainCalls } from './call';
import type { MutationResult } from './common';

export const InstallerCheckInput = z.object({ caseId: CaseId }).strict();

export const DecideRoutingInput = z
  .object({
    caseId: CaseId,
    workKind: z.enum(GRID_WORK_KINDS),
    performer: z.enum(WORK_PERFORMERS),
    supplierId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
  })
  .strict()
  .refine((input) => (input.performer === 'area_supplier') === (input.supplierId !== null), {
    message: 'supplierId is given exactly when the performer is an area supplier',
    path: ['supplierId'],
  });
export type DecideRoutingInput = z.infer<typeof DecideRoutingInput>;

/** A routing decision as kept in cases.work_routing. */
export interface RoutingDecision {
  performer: WorkPerformer;
  supplierId: number | null;
  by: string;
  at: string;
}

export interface InstallerCheckView extends InstallerCheck {
  installer: {
    id: number;
    name: string;
    organisationNumber: string;
    dsbRegistrationId: string | null;
    /** The DSB register's own entry: its name for the business, when the register has it. */
    dsbName: string | null;
  };
  municipality: { number: string; name: string | null };
  prequalifications: Array<{ category: PrequalificationCategory; validFrom: string; validTo: string }>;
  routing: Partial<Record<GridWorkKind, RoutingDecision>>;
  /** Area suppliers covering the installation's municipality, for the handler to choose from. */
  areaSuppliers: Array<{ id: number; name: string }>;
  /** Work ordered from an area supplier, by work: who, its status and due date (the case's routing shows it). */
  workOrders: Partial<Record<GridWorkKind, { supplierName: string; status: WorkOrderStatus; dueDate: string }>>;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const installerCheckCalls = {
  'case.installerCheck': call<InstallerCheckView>()(InstallerCheckInput),
  'case.decideRouting': call<MutationResult>()(DecideRoutingInput),
} satisfies DomainCalls;
