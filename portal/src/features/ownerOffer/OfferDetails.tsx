// The offer as the owner reads it: who and what it is for, the lines with their amounts, the totals and the terms.
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerOfferView } from '../../../../shared/portalApi/ownerOffer';
import { formatNok, formatQuantity } from '../../../../shared/rules';
import { Card } from '../../app/Screen';
import { ownerOfferApi } from './api';
import { formatDay } from './format';

export function OfferDetails({ offer, offerId, code }: { offer: OwnerOfferView; offerId: string; code: string }) {
  const { t, i18n } = useTranslation();
  const [letterFailed, setLetterFailed] = useState(false);
  const { installation } = offer;
  const facts: [string, string][] = [
    [t('ownerOffer.offer.case'), offer.caseNumber],
    [t('ownerOffer.offer.owner'), offer.ownerName],
    [t('ownerOffer.offer.installation'), `${installation.address}, ${installation.postcode} ${installation.postTown}`],
    [t('ownerOffer.offer.what'), t(`ownerOffer.requestType.${offer.requestType}`, { defaultValue: offer.requestType })],
    [t('ownerOffer.offer.version'), String(offer.offerVersion)],
    ...(offer.issuedOn ? [[t('ownerOffer.offer.issued'), formatDay(offer.issuedOn, i18n.language)] as [string, string]] : []),
    ...(offer.validUntil ? [[t('ownerOffer.offer.validUntil'), formatDay(offer.validUntil, i18n.language)] as [string, string]] : []),
  ];

  const openLetter = async () => {
    setLetterFailed(false);
    const pdf = await ownerOfferApi.letter(offerId, code);
    if (!pdf) return setLetterFailed(true);
    const url = URL.createObjectURL(pdf);
    const link = document.createElement('a');
    link.href = url;
    link.download = `tilbud-${offer.caseNumber}.pdf`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <Card labelledBy="owner-offer-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="owner-offer-heading">{t('ownerOffer.offer.heading')}</Title>
        <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: '8px 16px' }}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="gray.8">{label}</Text>
              <Text component="dd" fw={500} m={0}>{value}</Text>
            </div>
          ))}
        </dl>
        <Title order={3} size="h4">{t('ownerOffer.offer.linesHeading')}</Title>
        {/* Two columns, the quantity under each line: a phone shows it without scrolling sideways. */}
        <Table verticalSpacing="xs" horizontalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ownerOffer.offer.line')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('ownerOffer.offer.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {offer.lines.map((line, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    {line.description}
                    <Text size="xs" c="gray.8">{`${t('ownerOffer.offer.quantity')}: ${formatQuantity(line.quantityMilli)} ${line.unit}`}</Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{formatNok(line.grossOre)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('ownerOffer.offer.step.connection_cost')}</Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{formatNok(offer.steps[0]?.netOre ?? 0)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        <Title order={3} size="h4">{t('ownerOffer.offer.stepsHeading')}</Title>
        {/* The letter's steps from the cost to the amount to pay: each "=" row is the sum of the rows above it. */}
        <Table verticalSpacing="xs" horizontalSpacing="xs" data-testid="owner-offer-steps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('ownerOffer.offer.line')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('ownerOffer.offer.stepAmount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offer.steps.map((step, i) => (
              <Table.Tr key={i} data-code={step.code}>
                <Table.Th scope="row" fw={step.operator === '=' ? 700 : 400}>
                  {step.operator && <span aria-hidden="true">{step.operator} </span>}
                  {step.code === 'added_line' ? step.label : t(`ownerOffer.offer.step.${step.code}`)}
                  {step.vatOre !== 0 && (
                    <Text size="xs" c="gray.8">{t('ownerOffer.offer.stepVat', { net: formatNok(step.netOre), vat: formatNok(step.vatOre) })}</Text>
                  )}
                </Table.Th>
                <Table.Td ta="right" fw={step.code === 'to_pay' ? 700 : 400} style={{ whiteSpace: 'nowrap' }}>{formatNok(step.grossOre)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={3} size="h4">{t('ownerOffer.offer.termsHeading')}</Title>
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {offer.terms.map((term) => <li key={term}><Text size="sm">{t(`ownerOffer.terms.${term}`)}</Text></li>)}
        </ul>
        {offer.hasLetter && (
          <Anchor component="button" type="button" onClick={() => void openLetter()} ta="left">{t('ownerOffer.offer.letter')}</Anchor>
        )}
        {letterFailed && <Text size="sm" c="red.9" role="alert">{t('ownerOffer.offer.letterFailed')}</Text>}
      </Stack>
    </Card>
  );
}
