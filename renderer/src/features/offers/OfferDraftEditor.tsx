// A draft offer being built: its lines, the deduction, the figures as they follow the typing, how each came
// about, and issuing it (saved first, then a confirmation naming the owner and the total).
import { Alert, Button, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNok } from '../../../../shared/rules';
import type { OfferDetail } from '../../api/contract';
import { notifySuccess } from '../../api/notify';
import { useApiQuery } from '../../api/useApiQuery';
import { useApiMutation } from '../../data/useApiMutation';
import { AddLineControls } from './AddLineControls';
import { DeductionField } from './DeductionField';
import { describeOfferError } from './describeOfferError';
import type { DraftRow, RowField } from './draftRows';
import { EditableLinesTable, type FocusRequest } from './EditableLinesTable';
import { IssueOfferDialog } from './IssueOfferDialog';
import { OfferExplanation } from './OfferExplanation';
import classes from './Offers.module.css';
import { OfferTotals } from './OfferTotals';
import { useOfferDraft } from './useOfferDraft';

interface Props {
  offer: OfferDetail;
  ownerName: string;
  /** Standard items the price list lacked when this draft was made (only right after "Lag tilbud"). */
  missing: string[];
  /** A revision keeps those lines at their old price as free lines instead of leaving them out. */
  missingKept?: boolean;
  onIssued(offerId: string): Promise<void>;
}

export function OfferDraftEditor({ offer, ownerName, missing, missingKept = false, onIssued }: Props) {
  const { t } = useTranslation();
  const draft = useOfferDraft(offer);
  const { value: catalogue } = useApiQuery('offer.catalogue', { offerId: offer.id });
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { run: issueOffer, pending: issuing, error: issueError, clearError: clearIssueError } = useApiMutation('case.issueOffer');
  const { reading, saveState } = draft;

  const requestFocus = useCallback((rowId: string, field: FocusRequest['field']) => {
    setFocus((previous) => ({ rowId, field, serial: (previous?.serial ?? 0) + 1 }));
  }, []);

  const add = (row: DraftRow, field: RowField) => {
    draft.addRow(row);
    requestFocus(row.id, field);
  };

  /** The focus stays in the table: on the same field of the next line (or the one before). */
  const remove = (id: string, field: string | undefined) => {
    const rows = draft.state.rows;
    const index = rows.findIndex((row) => row.id === id);
    const neighbour = rows[index + 1] ?? rows[index - 1];
    draft.removeRow(id);
    if (neighbour) requestFocus(neighbour.id, (field as FocusRequest['field'] | undefined) ?? 'remove');
  };

  const startIssue = async () => {
    clearIssueError();
    if (!(await draft.saveNow())) return;
    setConfirming(true);
  };

  const issue = async () => {
    const issued = await issueOffer({ offerId: offer.id });
    if (!issued) return;
    setConfirming(false);
    notifySuccess(t('offers.issue.done', { version: issued.offerVersion }));
    await onIssued(offer.id);
  };

  const saveProblem = draft.saveError ? describeOfferError(t, draft.saveError) : null;
  const canIssue = reading.lines !== null && reading.lines.length > 0;

  return (
    <div>
      {missing.length > 0 && (
        <Alert color="orange" title={t(missingKept ? 'offers.missing.keptTitle' : 'offers.missing.title')} mb="sm">
          {t(missingKept ? 'offers.missing.keptMessage' : 'offers.missing.message', { items: missing.map((code) => t(`offers.items.${code}`, { defaultValue: code })).join(', ') })}
        </Alert>
      )}
      <EditableLinesTable rows={draft.state.rows} reading={reading} focus={focus} onChange={draft.updateRow} onRemove={remove} />
      <Text size="xs" c="gray.7" mt={4}>{t('offers.lines.keysHint')}</Text>
      <AddLineControls catalogue={catalogue} onAdd={add} />
      <DeductionField value={draft.state.deductionText} reading={reading} catalogue={catalogue} onChange={draft.setDeductionText} />
      {reading.calculationError && (
        <Alert color="red" title={t('offers.problem.calculationTitle')} mt="sm" role="alert">
          {t('offers.problem.calculation')}
        </Alert>
      )}
      {reading.calculation && <OfferTotals calculation={reading.calculation} />}
      {reading.calculation && <OfferExplanation calculation={reading.calculation} />}
      <div className={classes.actions}>
        <Button onClick={() => void startIssue()} disabled={!canIssue} loading={saveState === 'saving' && confirming}>
          {t('offers.issue.button')}
        </Button>
        <Text className={classes.saveState} data-state={saveState} role="status" aria-live="polite" data-testid="save-state">
          {t(`offers.save.${saveState}`)}
        </Text>
        {reading.calculation && (
          <Text size="sm" c="gray.8">
            {t('offers.totals.grandInline', { total: formatNok(reading.calculation.grossOre) })}
          </Text>
        )}
      </div>
      {saveProblem && (
        <Alert color="red" title={saveProblem.title} mt="sm" role="alert">
          {saveProblem.message}
        </Alert>
      )}
      <IssueOfferDialog
        opened={confirming}
        offerVersion={offer.offerVersion}
        ownerName={ownerName}
        grossOre={reading.calculation?.grossOre ?? 0}
        pending={issuing}
        error={issueError}
        onClose={() => setConfirming(false)}
        onConfirm={() => void issue()}
      />
    </div>
  );
}
