// The decisions the rules allow on the case now, one button each with its Alt-key: approve (with conditions),
// reject (with a reason the installer reads), and the steps after. Approve explains itself when it cannot be
// taken yet (the case is incomplete, the installer is not active with DSB).
import { Alert, Button, Group, Kbd, List, Stack, Text } from '@mantine/core';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_ACTIONS, OFFER_STEP_ACTIONS, closureMessageKindOf, withdrawalReasonOf, type CaseStatus } from '../../../../shared/rules';
import type { CaseDetail, DecisionAction } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { notifySuccess } from '../../api/notify';
import { useApiMutation } from '../../data/useApiMutation';
import { ApproveDialog } from './ApproveDialog';
import { DECISION_KEYS } from './decisionKeys';
import { ReasonDialog } from './ReasonDialog';
import { EndingDialog, isEndingAction, type EndingValues } from './EndingDialog';
import { useDecisionShortcuts } from './useDecisionShortcuts';
import { useAppData } from '../../app/AppData';
import { OfferStepDialog, type AmountStep } from '../offerFollowUp/OfferStepDialog';
import { MeterReadingDialog, type ReadingStep } from '../constructionPower/MeterReadingDialog';

const OFFER_STEPS: readonly string[] = OFFER_STEP_ACTIONS;
const isOfferStep = (action: DecisionAction): boolean => OFFER_STEPS.includes(action);

const isDecision = (action: string): action is DecisionAction => Object.hasOwn(DECISION_KEYS, action);

/** The decisions on offer in this case detail (requestInformation has its own control). */
export const offeredDecisions = (detail: CaseDetail): DecisionAction[] => detail.allowedActions.filter(isDecision);

const needsReason = (action: DecisionAction): boolean => 'needsReason' in CASE_ACTIONS[action];
/** The endings registered from the owner's word take optional words in the reason dialog. */
const REASON_OPTIONAL: readonly DecisionAction[] = ['reopen', 'declineOffer', 'expireOffer'];
const asksForReason = (action: DecisionAction): boolean =>
  (needsReason(action) && !isEndingAction(action)) || REASON_OPTIONAL.includes(action);

/**
 * Whether an ending writes a message to the installer (rules/closureMessages.ts), so its confirmation says "lagt til
 * utsending" only then; the other decisions' own confirmations say it where they tell.
 */
function endingTells(action: DecisionAction, status: CaseStatus, values: EndingValues): boolean {
  if (action === 'declineOffer') return closureMessageKindOf('owner_declined', status) !== null;
  if (action === 'expireOffer') return closureMessageKindOf('offer_expired', status) !== null;
  if (action === 'withdraw') return closureMessageKindOf(withdrawalReasonOf(values.withdrawnBy ?? 'installer'), status) !== null;
  if (action === 'closeWithReason') return closureMessageKindOf(values.closureReason ?? 'other', status) !== null;
  return false;
}
/** Acceptance and payment ask for amount, date and reference (features/offerFollowUp). */
const asksForAmount = (action: DecisionAction): action is AmountStep => action === 'acceptOffer' || action === 'registerPayment';
/** Construction power's connection and disconnection ask for the meter reading and the day. */
const asksForReading = (action: DecisionAction): action is ReadingStep =>
  action === 'registerConnection' || action === 'registerDisconnection';

const BUTTON_LOOK: Partial<Record<DecisionAction, { variant: string; color?: string }>> = {
  approve: { variant: 'filled', color: 'teal.9' },
  reject: { variant: 'outline', color: 'red' },
};

export function DecisionBar({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const offered = useMemo(() => offeredDecisions(detail), [detail]);
  const { run, pending, error, clearError } = useApiMutation('case.act');
  const [dialog, setDialog] = useState<DecisionAction | null>(null);
  const [dialogKey, setDialogKey] = useState(0);
  const blockersId = useId();
  const blockersOf = useCallback((action: DecisionAction) =>
    (action === 'approve' || action === 'sendOffer' || action === 'registerMeterMounted' ? detail.actionBlockers[action] ?? [] : []),
  [detail]);
  const isBlocked = useCallback((action: DecisionAction) => blockersOf(action).length > 0, [blockersOf]);
  const { session } = useAppData();

  const done = useCallback(
    (action: DecisionAction, values: EndingValues = {}) => {
      const told = endingTells(action, detail.status, values);
      notifySuccess(told ? `${t(`decisions.${action}.done`)} ${t('decisions.told')}` : t(`decisions.${action}.done`));
      setDialog(null);
    },
    [t, detail.status],
  );

  const take = useCallback(
    async (action: DecisionAction) => {
      clearError();
      if (isBlocked(action)) return;
      if (action === 'approve' || asksForReason(action) || asksForAmount(action) || asksForReading(action) || isEndingAction(action)) {
        setDialogKey((key) => key + 1);
        setDialog(action);
        return;
      }
      if (await run({ caseId: detail.id, action })) done(action);
    },
    [detail, clearError, done, run, isBlocked],
  );
  /** A dialog left without deciding takes its refusal with it: the bar shows only what went wrong outside one. */
  const closeDialog = useCallback(() => {
    setDialog(null);
    clearError();
  }, [clearError]);
  const onShortcut = useCallback((action: DecisionAction) => void take(action), [take]);
  useDecisionShortcuts(offered, onShortcut);

  if (offered.length === 0) return null;
  const dialogError = dialog ? error : null;
  const barError = !dialog && error ? describeError(t, error) : null;

  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap" role="group" aria-label={t('decisions.groupLabel')}>
        {offered.map((action) => {
          const key = DECISION_KEYS[action];
          const disabled = isBlocked(action);
          const look = BUTTON_LOOK[action] ?? { variant: 'default' };
          return (
            <Button
              key={action}
              variant={look.variant}
              color={look.color}
              loading={pending && dialog === null}
              aria-keyshortcuts={key.shortcut}
              aria-disabled={disabled || undefined}
              aria-describedby={disabled ? `${blockersId}-${action}` : undefined}
              data-disabled={disabled || undefined}
              onClick={() => void take(action)}
              rightSection={<Kbd size="xs" aria-hidden>{key.shortcut}</Kbd>}
            >
              {t(`decisions.${action}.button`)}
            </Button>
          );
        })}
      </Group>
      {offered.filter(isBlocked).map((action) => (
        <div key={action} id={`${blockersId}-${action}`}>
          <Text size="sm" fw={500}>
            {t(`decisions.${action}.blocked`)}
          </Text>
          <List size="sm">
            {blockersOf(action).map((blocker) => (
              <List.Item key={blocker.code}>{describeError(t, blocker).message}</List.Item>
            ))}
          </List>
        </div>
      ))}
      {barError && (
        <Alert color="red" title={barError.title} role="alert">
          {barError.message}
        </Alert>
      )}
      <ApproveDialog
        key={`approve-${dialogKey}`}
        opened={dialog === 'approve'}
        caseNumber={detail.caseNumber}
        pending={pending}
        error={dialogError}
        gridConditions={detail.gridAssessment?.outcome === 'sound_with_conditions' ? detail.gridAssessment.note : undefined}
        onClose={closeDialog}
        onApprove={async (conditions) => {
          if (await run({ caseId: detail.id, action: 'approve', conditions })) done('approve');
        }}
      />
      <ReasonDialog
        key={`reason-${dialogKey}`}
        action={dialog !== null && dialog !== 'approve' && !asksForAmount(dialog) && !asksForReading(dialog) && !isEndingAction(dialog) ? dialog : null}
        required={dialog !== null && dialog !== 'approve' && needsReason(dialog)}
        caseNumber={detail.caseNumber}
        pending={pending}
        error={dialogError}
        onClose={closeDialog}
        onSubmit={async (reason) => {
          if (dialog === null || dialog === 'approve' || asksForAmount(dialog) || asksForReading(dialog) || isOfferStep(dialog) || isEndingAction(dialog)) return;
          if (await run({ caseId: detail.id, action: dialog, ...(reason ? { reason } : {}) })) done(dialog);
        }}
      />
      {dialog !== null && isEndingAction(dialog) && (
        <EndingDialog
          key={`ending-${dialogKey}`}
          action={dialog}
          status={detail.status}
          caseNumber={detail.caseNumber}
          pending={pending}
          error={dialogError}
          onClose={closeDialog}
          onSubmit={async (values) => {
            const input = dialog === 'withdraw'
              ? { caseId: detail.id, action: dialog, ...values, withdrawnBy: values.withdrawnBy ?? 'installer' }
              : dialog === 'closeWithReason'
                ? { caseId: detail.id, action: dialog, ...values, closureReason: values.closureReason ?? 'other' }
                : { caseId: detail.id, action: dialog, ...values, channel: values.channel ?? 'phone' };
            if (await run(input)) done(dialog, values);
          }}
        />
      )}
      {dialog !== null && asksForAmount(dialog) && (
        <OfferStepDialog
          key={`amount-${dialogKey}`}
          action={dialog}
          caseId={detail.id}
          caseNumber={detail.caseNumber}
          today={session.today}
          pending={pending}
          error={dialogError}
          onClose={closeDialog}
          onSubmit={async (values) => {
            if (await run({ caseId: detail.id, action: dialog, ...values })) done(dialog);
          }}
        />
      )}
      {dialog !== null && asksForReading(dialog) && (
        <MeterReadingDialog
          key={`reading-${dialogKey}`}
          action={dialog}
          detail={detail}
          today={session.today}
          pending={pending}
          error={dialogError}
          onClose={() => setDialog(null)}
          onSubmit={async (values) => {
            if (await run({ caseId: detail.id, action: dialog, ...values })) done(dialog);
          }}
        />
      )}
    </Stack>
  );
}
