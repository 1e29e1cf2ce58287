// What the installer's last supplement changed, so the handler sees it at once: a banner over the case and an
// "Endret" mark on each changed field and on attachments of the kinds it brought. Shown while the case is back
// in review after the supplement; the names are the import's (camelCase case fields, attachment kinds).
import { Alert } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_KINDS, type CaseStatus } from '../../../../shared/rules';
import classes from './Case.module.css';

const NONE: ReadonlySet<string> = new Set();
const SupplementChanges = createContext<ReadonlySet<string>>(NONE);

/** The changes worth pointing out: only while the case is in review after the supplement brought them. */
export function changesToShow(status: CaseStatus, changes: readonly string[]): ReadonlySet<string> {
  return status === 'in_review' && changes.length > 0 ? new Set(changes) : NONE;
}

export function SupplementChangesProvider({ changes, children }: { changes: ReadonlySet<string>; children: ReactNode }) {
  return <SupplementChanges.Provider value={changes}>{children}</SupplementChanges.Provider>;
}

export function useSupplementChanges(): ReadonlySet<string> {
  return useContext(SupplementChanges);
}

export function useChangedBySupplement(name: string | undefined): boolean {
  const changes = useSupplementChanges();
  return name !== undefined && changes.has(name);
}

export function ChangedMark() {
  const { t } = useTranslation();
  return <span className={classes.changedMark}>{t('case.supplement.changed')}</span>;
}

const isAttachmentKind = (name: string) => (ATTACHMENT_KINDS as readonly string[]).includes(name);

export function SupplementBanner() {
  const { t } = useTranslation();
  const changes = useSupplementChanges();
  if (changes.size === 0) return null;
  const words = [...changes].map((name) =>
    isAttachmentKind(name)
      ? t('case.supplement.attachment', { kind: t(`enums.attachmentKind.${name}`) })
      : t(`case.supplement.field.${name}`, { defaultValue: name }),
  );
  return (
    <Alert color="blue" variant="light" title={t('case.supplement.title')} mt="md">
      {t('case.supplement.list', { changes: words.join(', ') })}
    </Alert>
  );
}
