// A history entry in words: "Status endret fra Ny til Under behandling", with names for user ids.
import type { TFunction } from 'i18next';
import type { CaseEventEntry } from '../../api/contract';
import { formatDate, formatNumber } from '../../i18n/format';
import { describeWorkOrderEvent } from '../workOrders/describeWorkOrderEvent';
import { describeBillingEvent } from '../offerFollowUp/describeBillingEvent';
import { describeOwnerAnswer } from '../offerFollowUp/describeOwnerAnswer';
import { formatNok } from '../../../../shared/rules';

export interface EventText {
  summary: string;
  detail?: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const conditionsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((c) => typeof c === 'string') : []);

/** A stored message's history line by its kind: "lagt til utsending", never "sent" — the delivery line says that. */
const MESSAGE_QUEUED_KEY: Readonly<Record<string, string>> = {
  information_request: 'completeness.history.informationRequested',
  approval: 'decisions.history.approvalQueued',
  rejection: 'decisions.history.rejectionQueued',
  developer_referral: 'decisions.history.referralQueued',
  work_order: 'workOrders.history.workOrderMessage',
  start_approval: 'offerFollowUp.history.startApproval',
  withdrawal: 'decisions.history.withdrawalQueued',
  cancellation: 'decisions.history.cancellationQueued',
  closure: 'decisions.history.closureQueued',
  completion_refused: 'case.history.completionRefusedQueued',
};

export function describeEvent(t: TFunction, event: CaseEventEntry, userName: (id: string) => string): EventText {
  const data = event.data;
  switch (event.kind) {
    case 'received':
      return { summary: t('case.history.received') };
    case 'assigned': {
      const from = text(data.from);
      const to = text(data.to);
      const via = data.via === 'fetchNext' ? ` ${t('case.history.viaFetchNext')}` : '';
      if (from && to) return { summary: t('case.history.reassigned', { from: userName(from), to: userName(to) }) + via };
      if (to) return { summary: t('case.history.assigned', { to: userName(to) }) + via };
      if (from) return { summary: t('case.history.released', { from: userName(from) }) };
      return { summary: t('case.history.assignmentUnchanged') };
    }
    case 'status_changed': {
      const from = text(data.from);
      const to = text(data.to);
      const summary = t('case.history.statusChanged', {
        from: from ? t(`enums.status.${from}`) : '–',
        to: to ? t(`enums.status.${to}`) : '–',
      });
      const rule = text(data.rule);
      const details = [
        text(data.reason) && t('case.history.reason', { reason: text(data.reason) }),
        conditionsOf(data.conditions).length > 0 && t('decisions.history.conditions', { conditions: conditionsOf(data.conditions).join('; ') }),
      ].filter((line): line is string => typeof line === 'string');
      return {
        summary: rule ? `${summary} ${t('decisions.history.byRule', { rule: t([`decisions.history.rules.${rule}`, 'decisions.history.rules.other']) })}` : summary,
        detail: details.length > 0 ? details.join('\n') : undefined,
      };
    }
    case 'note_added': {
      const excerpt = text(data.excerpt);
      return { summary: t('case.history.noteAdded'), detail: excerpt ? `«${excerpt}»` : undefined };
    }
    case 'attachment_added': {
      const fileName = text(data.fileName);
      return { summary: t('case.history.attachmentAdded'), detail: fileName ?? undefined };
    }
    case 'claim_requested':
      return { summary: t('case.history.claimRequested') };
    case 'owner_party_corrected': {
      const fields = Array.isArray(data.fields) ? data.fields.filter((f): f is string => typeof f === 'string') : [];
      return { summary: t('case.history.ownerPartyCorrected', { fields: fields.map((f) => t(`case.history.ownerPartyField.${f}`)).join(', ') }) };
    }
    case 'grid_assessed': {
      const outcome = text(data.outcome);
      return {
        summary: t('case.history.gridAssessed', { outcome: outcome ? t(`gridAssessment.outcomes.${outcome}`) : '–' }),
        detail: text(data.note) ?? undefined,
      };
    }
    case 'claim_released':
      return { summary: t('case.history.claimReleased') };
    case 'routing_decided': {
      const work = text(data.workKind);
      const performer = text(data.performer);
      return {
        summary: t('installerCheck.history.routingDecided', {
          work: work ? t(`installerCheck.work.${work}`) : '–',
          performer: performer ? t(`installerCheck.performer.${performer}`) : '–',
        }),
      };
    }
    case 'completeness_overridden': {
      const item = text(data.item);
      return {
        summary: t('completeness.history.overridden', { item: item ? t(`completeness.items.${item}`, { defaultValue: item }) : '–' }),
        detail: text(data.reason) ? `«${text(data.reason)}»` : undefined,
      };
    }
    case 'completeness_reached': {
      const dueDate = text(data.dueDate);
      return { summary: t('completeness.history.reached', { dueDate: dueDate ? formatDate(dueDate) : '–' }) };
    }
    case 'message_queued': {
      const subject = text(data.subject);
      const key = MESSAGE_QUEUED_KEY[text(data.kind) ?? ''] ?? 'completeness.history.messageQueued';
      return { summary: t(key), detail: subject ? `«${subject}»` : undefined };
    }
    case 'supplement_received': {
      const changed = Array.isArray(data.changedFields) ? data.changedFields.filter((f) => typeof f === 'string') : [];
      const files = Array.isArray(data.attachments)
        ? data.attachments.map((a: { fileName?: unknown }) => text(a?.fileName)).filter((f): f is string => f !== null)
        : [];
      const details = [
        changed.length > 0 &&
          t('case.history.supplementChanged', {
            fields: changed.map((field) => t(`case.supplement.field.${field}`, { defaultValue: field })).join(', '),
          }),
        files.length > 0 && t('case.history.supplementFiles', { files: files.join(', ') }),
        text(data.text) && `«${text(data.text)}»`,
      ].filter((line): line is string => typeof line === 'string');
      return { summary: t('case.history.supplementReceived'), detail: details.length > 0 ? details.join('\n') : undefined };
    }
    case 'completion_notice_received': {
      // What the ferdigmelding reported: the dates, each meter's reading, the samsvarserklæring and other files.
      const readings = Array.isArray(data.meterReadings)
        ? data.meterReadings.map((r: { meterNumber?: unknown; readingKwh?: unknown }) => `${text(r?.meterNumber) ?? '–'}: ${typeof r?.readingKwh === 'number' ? formatNumber(r.readingKwh) : '–'} kWh`)
        : [];
      const files = Array.isArray(data.attachments)
        ? data.attachments.map((a: { fileName?: unknown }) => text(a?.fileName)).filter((f): f is string => f !== null)
        : [];
      const details = [
        text(data.completedOn) && t('case.history.completedOn', { date: formatDate(text(data.completedOn)) }),
        text(data.energisedOn) && t('case.history.energisedOn', { date: formatDate(text(data.energisedOn)) }),
        readings.length > 0 && t('case.history.meterReadings', { readings: readings.join(', ') }),
        files.length > 0 && t('case.history.supplementFiles', { files: files.join(', ') }),
        text(data.text) && `«${text(data.text)}»`,
        text(data.meterDueDate) && t('case.history.meterDueDate', { date: formatDate(text(data.meterDueDate)) }),
      ].filter((line): line is string => typeof line === 'string');
      // Refused: what the installer was told is missing (rules/completionNotice.ts); partial: the case waits for the rest.
      const refusals = Array.isArray(data.refusals) ? data.refusals.filter((code): code is string => typeof code === 'string') : [];
      const summary = refusals.length > 0 ? t('case.history.completionNoticeRefused', {
        reasons: refusals.map((code) => t(`case.history.completionRefusal.${code}`)).join(', ') })
        : data.partial === true ? t('case.history.completionNoticePartial')
        : t('case.history.completionNoticeReceived');
      return { summary, detail: details.length > 0 ? details.join('\n') : undefined };
    }
    case 'work_ordered':
    case 'work_order_accepted':
    case 'work_order_done':
      return describeWorkOrderEvent(t, event);
    case 'offer_issued':
      return {
        summary: t('offers.history.issued', {
          version: typeof data.version === 'number' ? data.version : '–',
          total: typeof data.totalOre === 'number' ? formatNok(data.totalOre) : '–',
        }),
      };
    case 'billing_recorded':
    case 'billing_flag_resolved':
      return describeBillingEvent(t, event);
    case 'owner_answered':
      return describeOwnerAnswer(t, event);
    case 'offer_superseded':
      return { summary: t('offers.history.superseded', { version: typeof data.version === 'number' ? data.version : '–' }) };
    default:
      return { summary: t('case.history.other') };
  }
}
