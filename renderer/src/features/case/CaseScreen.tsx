// One case, laid out as a case handler reads it: the request on the left, attachments, notes and history on the
// right, the header and actions on top. Esc or "Tilbake til køen" goes back to the same place in the queue.
// With a central server others work on the same cases: the case is read again whenever the change stream names
// it (another desk's change pulled into the cache, the central answer to a claim); equal answers redraw nothing.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describeError';
import { useApiQuery } from '../../api/useApiQuery';
import { DetailOnServerNotice } from './DetailOnServerNotice';
import { useNavigation } from '../../app/navigation';
import { AttachmentsSection } from './AttachmentsSection';
import classes from './Case.module.css';
import { CaseActions } from './CaseActions';
import { CaseHeader } from './CaseHeader';
import { HistorySection } from './HistorySection';
import { InstallationSection } from './InstallationSection';
import { InstallerPanel } from '../installer/InstallerPanel';
import { WorkOrderSection } from '../workOrders/WorkOrderSection';
import { CompletenessSection } from '../completeness/CompletenessSection';
import { NotesSection } from './NotesSection';
import { OffersSection } from '../offers/OffersSection';
import { BillingSection } from '../offerFollowUp/BillingSection';
import { OwnerSection } from './OwnerSection';
import { GridAssessmentSection } from '../gridAssessment/GridAssessmentSection';
import { ProductionSection } from './ProductionSection';
import { ConstructionPowerSection } from '../constructionPower/ConstructionPowerSection';
import { RequestSection } from './RequestSection';
import { SupplementBanner, SupplementChangesProvider, changesToShow } from './supplementChanges';
import { useEscapeToQueue } from './useCaseKeys';

export function CaseScreen({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const { view, leaveCase } = useNavigation();
  const backTo = view.name === 'case' ? view.back : 'queue';
  const { value: detail, error, loading, reload } = useApiQuery('case.get', { caseId });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEscapeToQueue(leaveCase);

  const caseNumber = detail?.caseNumber;
  useEffect(() => {
    if (caseNumber) document.title = `${t('case.documentTitle', { caseNumber })} – ${t('app.productName')}`;
  }, [caseNumber, t]);

  // Land on the heading when the case has opened, so a screen reader starts at the top of it.
  useEffect(() => {
    if (caseNumber) headingRef.current?.focus({ preventScroll: true });
  }, [caseNumber]);

  const back = (
    <Button variant="subtle" onClick={leaveCase} leftSection={<span aria-hidden>←</span>} aria-keyshortcuts="Escape">
      {t(`case.backTo.${backTo}`)}
    </Button>
  );

  if (!detail) {
    const text = error ? describeError(t, error) : null;
    return (
      <div className={classes.screen}>
        <Stack className={classes.inner} align="flex-start">
          {back}
          {text ? (
            <Alert color="red" title={text.title} role="alert" w="100%" maw={640}>
              {text.message}
            </Alert>
          ) : (
            <Text size="sm" role="status">
              {t('case.loading')}
            </Text>
          )}
        </Stack>
      </div>
    );
  }

  const whole = detail.detailOnServer === null;
  return (
    <div className={classes.screen}>
      <div className={classes.inner}>
        <Group justify="space-between" wrap="nowrap">
          {back}
          <Text size="xs" c="gray.7">
            {t('case.escHint')}
          </Text>
        </Group>
        <SupplementChangesProvider changes={changesToShow(detail.status, detail.supplementChanges)}>
          <div className={classes.section}>
            <CaseHeader detail={detail} headingRef={headingRef} />
            {detail.detailOnServer && (
              <DetailOnServerNotice state={detail.detailOnServer} onRetry={() => void reload()} retrying={loading} />
            )}
            <SupplementBanner />
            <CaseActions detail={detail} />
          </div>
          <div className={classes.columns}>
            <div className={classes.column}>
              {whole && <CompletenessSection detail={detail} />}
              <InstallationSection installation={detail.installation} />
              <ProductionSection production={detail.production} />
              <GridAssessmentSection detail={detail} />
              <OwnerSection detail={detail} />
              <ConstructionPowerSection detail={detail} />
              <InstallerPanel detail={detail} />
              {whole && <WorkOrderSection detail={detail} />}
              {whole && <RequestSection detail={detail} />}
            </div>
            {/* What the case's detail holds is not shown while it is on the service: "none" would be untrue. */}
            {whole && (
              <div className={classes.column}>
                <BillingSection detail={detail} />
                <AttachmentsSection attachments={detail.attachments} />
                <NotesSection caseId={detail.id} notes={detail.notes} />
                <HistorySection events={detail.events} deliveries={detail.deliveries} />
              </div>
            )}
          </div>
          {/* Full width: the offer's lines need the room of both columns. */}
          {whole && <OffersSection detail={detail} />}
        </SupplementChangesProvider>
      </div>
    </div>
  );
}
