// Historikk: what happened to the case, newest first, as the core records it.
import type { TFunction } from 'i18next';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseEventEntry, MessageDeliveryView } from '../../api/contract';
import { useAppData } from '../../app/AppData';
import { formatDateTime } from '../../i18n/format';
import classes from './Case.module.css';
import { describeDelivery } from './describeDelivery';
import { describeEvent } from './describeEvent';
import { Section } from './Section';

export function HistorySection({ events, deliveries }: { events: CaseEventEntry[]; deliveries: Record<string, MessageDeliveryView> }) {
  const { t } = useTranslation();
  const { userName } = useAppData();
  return (
    <Section title={t('case.history.title')}>
      {events.length === 0 ? (
        <p className={classes.notGiven}>{t('case.history.none')}</p>
      ) : (
        <ol className={classes.timeline}>
          {events.map((event) => {
            const { summary, detail } = describeEvent(t, event, userName);
            const delivery = event.kind === 'message_queued' ? deliveries[String(event.data.messageId)]
              : event.kind === 'offer_issued' ? deliveries[String(event.data.offerId)] : undefined;
            const deliveryText = delivery ? describeDelivery(t, delivery) : null;
            return (
              <li key={event.id}>
                <Text size="sm" fw={500}>
                  {summary}
                </Text>
                {detail && (
                  <Text size="sm" className={classes.freeText}>
                    {detail}
                  </Text>
                )}
                {deliveryText && (
                  <Text size="sm" c={deliveryText.problem ? 'red.9' : undefined} data-testid="message-delivery">
                    {deliveryText.text}
                  </Text>
                )}
                <div className={classes.meta}>
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time> · {actorLabel(t, event.actorName)}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

/** People by name; the system's own actors (`system:import`, …) and the portal's (`portal:owner`) in words. */
function actorLabel(t: TFunction, actorName: string): string {
  if (actorName.startsWith('system:')) {
    return t(`case.history.systemActor.${actorName.slice('system:'.length)}`, { defaultValue: t('case.history.systemActor.other') });
  }
  if (actorName.startsWith('portal:')) {
    return t(`case.history.portalActor.${actorName.slice('portal:'.length)}`, { defaultValue: t('case.history.systemActor.portal') });
  }
  return actorName;
}
