// What stands in the way of the actions the case view offers: approval (approvalBlockers.ts) and sending the offer
// (there must be an issued offer still within its validity), and registering the meter mounted (the grid customer
// must be named). The buttons are disabled and say why; the mutations
// refuse with the same codes.
import type Database from 'better-sqlite3';
import type { ActionBlockers, SendOfferBlocker } from '../../shared/contract';
import { canTakeAction, planBillingStep, type CaseStatus, type UserRole } from '../../shared/rules';
import { localOfferFacts } from '../billing/localBilling';
import { approvalBlockersOf } from './approvalBlockers';

function sendOfferBlockersOf(sqlite: Database.Database, caseId: number, status: CaseStatus, role: UserRole, today: string): SendOfferBlocker[] {
  const plan = planBillingStep({ kind: 'offer_sent', offerVersion: null, amountOre: null, occurredOn: today, today }, status, localOfferFacts(sqlite, caseId), role);
  if (plan.outcome !== 'flagged') return [];
  if (plan.code === 'noIssuedOffer') return [{ code: 'offerStep.noIssuedOffer' }];
  if (plan.code === 'offerExpired' && plan.offer?.validUntil) {
    return [{ code: 'offerStep.offerExpired', params: { offerVersion: plan.offer.version, validUntil: plan.offer.validUntil } }];
  }
  return [];
}

export function actionBlockersOf(
  sqlite: Database.Database,
  caseId: number,
  status: CaseStatus,
  role: UserRole,
  today: string,
): ActionBlockers {
  const blockers: ActionBlockers = {};
  if (canTakeAction('approve', status, role)) blockers.approve = approvalBlockersOf(sqlite, caseId, today);
  if (canTakeAction('sendOffer', status, role)) blockers.sendOffer = sendOfferBlockersOf(sqlite, caseId, status, role, today);
  if (canTakeAction('registerMeterMounted', status, role)) {
    const row = sqlite.prepare('SELECT grid_customer_name FROM cases WHERE id = ?').get(caseId) as { grid_customer_name: string | null } | undefined;
    blockers.registerMeterMounted = row?.grid_customer_name ? [] : [{ code: 'decision.gridCustomerMissing' }];
  }
  return blockers;
}
