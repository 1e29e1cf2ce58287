// Tilbud: the case's offers by version, and the one on screen — a draft to build, or an issued offer to read, print
// and revise. Shown once the case is approved (or has offers); drafting is for approved cases and people who write.
import { Alert, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, OfferSummary } from '../../api/contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useApiMutation } from '../../data/useApiMutation';
import { useCasework } from '../case/useCasework';
import { Section } from '../case/Section';
import { describeOfferError } from './describeOfferError';
import { OfferPanel } from './OfferPanel';
import { OfferVersionsTable } from './OfferVersionsTable';
import { PlusskundeNotice } from './PlusskundeNotice';

interface Props {
  detail: CaseDetail;
}

/** The draft if there is one, else the newest offer. */
function defaultOffer(offers: OfferSummary[]): OfferSummary | null {
  return offers.find((offer) => offer.state === 'draft') ?? offers.at(-1) ?? null;
}

export function OffersSection({ detail }: Props) {
  const { t } = useTranslation();
  // Read again when the change stream names the case (a draft created, saved, issued or revised, here or elsewhere).
  const { value: offers } = useApiQuery('offer.list', { caseId: detail.id });
  const [shownId, setShownId] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ offerId: string; items: string[]; kept: boolean } | null>(null);
  const createDraft = useApiMutation('case.createOfferDraft');
  const reviseOffer = useApiMutation('case.reviseOffer');
  const busy = createDraft.pending || reviseOffer.pending;
  const error = createDraft.error ?? reviseOffer.error;

  const shown = offers?.find((offer) => offer.id === shownId) ?? (offers ? defaultOffer(offers) : null);
  const casework = useCasework(detail);
  const mayDraft = detail.status === 'approved' && casework.mayWork;
  const hasDraft = offers?.some((offer) => offer.state === 'draft') ?? false;
  const inForce = offers?.find((offer) => offer.state === 'issued') ?? null;

  const create = async () => {
    reviseOffer.clearError();
    const created = await createDraft.run({ caseId: detail.id });
    if (!created) return;
    setMissing({ offerId: created.offerId, items: created.missing, kept: false });
    setShownId(created.offerId);
  };

  /** The next version in one step: the offer in force copied and re-priced by the price list in effect today. */
  const revise = async (fromOfferId: string) => {
    createDraft.clearError();
    const revised = await reviseOffer.run({ fromOfferId });
    if (!revised) return;
    setMissing({ offerId: revised.offerId, items: revised.missing, kept: true });
    setShownId(revised.offerId);
  };

  if (!offers || (offers.length === 0 && !mayDraft)) return null;
  const problem = error ? describeOfferError(t, error) : null;

  return (
    <Section
      title={t('offers.title')}
      actions={mayDraft && !hasDraft && offers.length === 0 ? (
        <Button size="sm" onClick={() => void create()} loading={busy}>
          {t('offers.create')}
        </Button>
      ) : undefined}
    >
      {problem && (
        <Alert color="red" title={problem.title} role="alert" mb="sm">
          {problem.message}
        </Alert>
      )}
      <PlusskundeNotice detail={detail} />
      {offers.length === 0 ? (
        <Text size="sm" c="gray.7">{t('offers.none')}</Text>
      ) : (
        <OfferVersionsTable offers={offers} shownId={shown?.id ?? null} onShow={setShownId} />
      )}
      {shown && (
        <OfferPanel
          // Read afresh when its state changes: an issued draft opens read only.
          key={`${shown.id}:${shown.state}`}
          offerId={shown.id}
          ownerName={detail.owner.name}
          missing={missing?.offerId === shown.id ? missing.items : []}
          missingKept={missing?.kept}
          casework={casework}
          onIssued={async (offerId) => setShownId(offerId)}
          onRevise={mayDraft && !hasDraft && inForce?.id === shown.id ? revise : undefined}
          revising={busy}
        />
      )}
    </Section>
  );
}
