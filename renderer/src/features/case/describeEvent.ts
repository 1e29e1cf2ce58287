// A history entry in words: "Status endret fra Ny til Under behandling", with names for user ids.
import type { TFunction } from 'i18next';
import type { CaseEventEntry } from '../../api/contract';

export interface EventText {
  summary: string;
  detail?: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

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
      const reason = text(data.reason);
      return { summary, detail: reason ? t('case.history.reason', { reason }) : undefined };
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
    case 'claim_released':
      return { summary: t('case.history.claimReleased') };
    default:
      return { summary: t('case.history.other') };
  }
}
