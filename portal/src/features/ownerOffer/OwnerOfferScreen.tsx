// Tilbud (/portal/tilbud/<offer id>): the owner reaches the offer through the link in the letter, without an account.
// The code is typed in, or taken from the link's #code= fragment (a fragment is never sent to a server) and then
// removed from the address bar; it is kept only in this screen's memory. Opened, the offer shows where it stands: an
// answer form while it is open, otherwise why it cannot be answered, or the answer given.
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerOfferView } from '../../../../shared/portalApi/ownerOffer';
import { normaliseOwnerCode } from '../../../../shared/rules';
import type { ApiError } from '../../app/api';
import { useLocation } from '../../app/router';
import { Card, Screen } from '../../app/Screen';
import { AnswerForm } from './AnswerForm';
import { ownerOfferApi } from './api';
import { formatDay, formatMoment } from './format';
import { OfferDetails } from './OfferDetails';
import { OwnerOfferError } from './OwnerOfferError';

/** The code in the link's fragment, taken once and wiped from the address bar. */
function takeFragmentCode(): string | null {
  const code = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('code');
  if (code !== null) window.history.replaceState(window.history.state, '', window.location.pathname);
  return code;
}

export function OwnerOfferScreen() {
  const { t } = useTranslation();
  const { params: [offerId = ''] } = useLocation();
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [offer, setOffer] = useState<OwnerOfferView | null>(null);
  const [alreadyAnswered, setAlreadyAnswered] = useState(false);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const invalid = normaliseOwnerCode(typed) === null;

  const open = async (candidate: string) => {
    setBusy(true);
    setError(null);
    const answer = await ownerOfferApi.open(offerId, candidate);
    setBusy(false);
    if (answer.ok) {
      setCode(candidate);
      setOffer(answer.value);
    } else setError(answer.error);
  };

  useEffect(() => {
    const fromLink = takeFragmentCode();
    if (fromLink) {
      setTyped(fromLink);
      void open(fromLink);
    }
    // Once, when the screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the screen opens.
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!invalid) await open(typed);
  };

  return (
    <Screen title={t('ownerOffer.title')} intro={offer ? undefined : <Text>{t('ownerOffer.intro')}</Text>}>
      {offer && code ? (
        <Stack gap="md">
          <Standing offer={offer} alreadyAnswered={alreadyAnswered} />
          <OfferDetails offer={offer} offerId={offerId} code={code} />
          {offer.standing === 'open' && (
            <AnswerForm offerId={offerId} code={code} grossOre={offer.totals.grossOre}
              onAnswered={(answered) => {
                setAlreadyAnswered(!answered.recorded);
                setOffer(answered.offer);
                window.scrollTo({ top: 0 });
              }} />
          )}
        </Stack>
      ) : (
        <Card>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              <OwnerOfferError error={error} />
              <TextInput
                label={t('ownerOffer.code.label')}
                description={t('ownerOffer.code.description')}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                error={checked && invalid ? t('ownerOffer.code.invalid') : undefined}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.08em' } }}
                required
              />
              <Button type="submit" loading={busy} fullWidth>{t('ownerOffer.code.submit')}</Button>
            </Stack>
          </form>
        </Card>
      )}
    </Screen>
  );
}

function Standing({ offer, alreadyAnswered }: { offer: OwnerOfferView; alreadyAnswered: boolean }) {
  const { t, i18n } = useTranslation();
  const { standing, answer } = offer;
  const answered = standing === 'accepted' || standing === 'declined';
  const text = t(`ownerOffer.standing.${standing}`, {
    date: offer.validUntil ? formatDay(offer.validUntil, i18n.language) : '',
    at: answer ? formatMoment(answer.at, i18n.language) : '',
    name: answer?.name ?? '',
  });
  const color = standing === 'open' ? 'blue' : standing === 'accepted' ? 'teal' : answered ? 'gray' : 'yellow';
  return (
    <Alert color={color} variant="light" role="status" styles={{ message: { color: 'var(--mantine-color-dark-8)' } }}>
      <Stack gap={4}>
        <Text fw={600}>{text}</Text>
        {alreadyAnswered && <Text size="sm">{t('ownerOffer.answer.alreadyAnswered')}</Text>}
      </Stack>
    </Alert>
  );
}
