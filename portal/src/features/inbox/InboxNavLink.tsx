// "Innboks" in the navigation, with the number of unread messages beside it (and in its accessible name).
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { useUnreadCount } from './unreadCount';

export function InboxNavLink({ current, signedInAs }: { current: boolean; signedInAs: string }) {
  const { t } = useTranslation();
  const unread = useUnreadCount(signedInAs);
  const label = unread ? t('inbox.navUnread', { count: unread }) : t('inbox.nav');
  return (
    <Link to="inbox" fw={current ? 700 : 500} aria-current={current ? 'page' : undefined} aria-label={label}>
      <Group gap={6} wrap="nowrap" component="span">
        {t('inbox.nav')}
        {unread ? <Badge component="span" size="sm" color="red.9" variant="filled" aria-hidden>{unread}</Badge> : null}
      </Group>
    </Link>
  );
}
