// The e-mail notice of a delivery: what came, on which case, and where to read it — in bokmål, then English. A notice
// to an installer or area supplier never carries the letter, its subject or anything about the owner: the mail goes
// through servers we do not control, and the portal shows the rest to the signed-in firm only. The owner's offer
// notice is the exception: it is addressed to the owner and carries their own offer letter (with the personal code
// the portal's offer page asks for), since the owner has no account to read it behind.
import type { PortalMail } from '../portal/mailer';

export interface DueNotice {
  id: string;
  notice: 'message' | 'work_order' | 'offer';
  recipient: string;
  caseNumber: string;
  /** The outgoing message's kind (information_request, approval, …); null for an offer notice. */
  messageKind: string | null;
  /** An offer notice's link to the portal's offer page (the company's portal_url), if the database made one. */
  link: string | null;
  /** An offer notice's letter: the offer's id and version, and the PDF. */
  letter?: { offerId: string; offerVersion: number; content: Buffer };
  smtpMessageId: string;
  attempts: number;
}

const KIND_WORDS: Record<string, { nb: string; en: string }> = {
  information_request: { nb: 'en forespørsel om opplysninger (mangler i meldingen)', en: 'a request for information (items missing)' },
  approval: { nb: 'et svar på meldingen: godkjent', en: 'an answer to the message: approved' },
  rejection: { nb: 'et svar på meldingen: avvist', en: 'an answer to the message: rejected' },
  developer_referral: {
    nb: 'et svar på meldingen: henvist til utbyggerprosjekt', en: 'an answer to the message: referred to a developer project',
  },
  start_approval: { nb: 'et klarsignal: arbeidet kan starte', en: 'a go-ahead: the work may begin' },
  work_order: { nb: 'en arbeidsordre', en: 'a work order' },
  withdrawal: { nb: 'en bekreftelse: meldingen er trukket og saken avsluttet', en: 'a confirmation: the request is withdrawn and the case closed' },
  cancellation: { nb: 'en melding om at bestillingen er kansellert', en: 'a notice that the order is cancelled' },
  closure: { nb: 'en melding om at saken er avsluttet', en: 'a notice that the case is closed' },
  completion_refused: {
    nb: 'et svar på ferdigmeldingen: den kunne ikke tas imot', en: 'an answer to the completion notice: it could not be taken',
  },
};
const OTHER = { nb: 'en melding', en: 'a message' };

export function noticeMail(notice: DueNotice, portalUrl: string): PortalMail {
  const base = portalUrl.replace(/\/+$/, '');
  const { caseNumber } = notice;
  if (notice.notice === 'offer') {
    const link = notice.link ?? (notice.letter ? `${base}/tilbud/${notice.letter.offerId}` : base);
    return {
      to: notice.recipient,
      messageId: notice.smtpMessageId,
      subject: `Tilbud om tilknytningsavtale, sak ${caseNumber} / Offer of a connection agreement, case ${caseNumber}`,
      text: [
        `Nettselskapet sender deg et tilbud om tilknytningsavtale mot anleggsbidrag (sak ${caseNumber}). Tilbudet ligger vedlagt.`,
        `Du kan godta eller avslå det her, med koden som står i brevet: ${link}`,
        '',
        `The grid company sends you an offer of a connection agreement against an investment contribution (case ${caseNumber}). The offer is attached.`,
        `You can accept or decline it here, with the code printed in the letter: ${link}`,
      ].join('\n'),
      attachments: notice.letter ? [{
        filename: `tilbud-${caseNumber}-v${notice.letter.offerVersion}.pdf`, content: notice.letter.content, contentType: 'application/pdf',
      }] : undefined,
    };
  }
  const words = KIND_WORDS[notice.messageKind ?? ''] ?? OTHER;
  const where = notice.notice === 'work_order' ? `${base}/` : `${base}/inbox`;
  return {
    to: notice.recipient,
    messageId: notice.smtpMessageId,
    subject: notice.notice === 'work_order'
      ? `Ny arbeidsordre, sak ${caseNumber} / New work order, case ${caseNumber}`
      : `Ny melding fra nettselskapet, sak ${caseNumber} / New message from the grid company, case ${caseNumber}`,
    text: [
      `Nettselskapet har sendt ${words.nb} i sak ${caseNumber}.`,
      `Logg inn i Installatørportalen for å lese den: ${where}`,
      '',
      `The grid company has sent ${words.en} on case ${caseNumber}.`,
      `Sign in to the installers' portal to read it: ${where}`,
    ].join('\n'),
  };
}
