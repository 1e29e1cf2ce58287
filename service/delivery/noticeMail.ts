// The e-mail notice of a delivery: what came, on which case, and where to read it — in bokmål, then English. Never
// the letter itself, its subject or anything about the owner: the mail goes through servers we do not control, and
// the portal shows the rest to the signed-in firm only.
import type { PortalMail } from '../portal/mailer';

export interface DueNotice {
  id: string;
  notice: 'message' | 'work_order' | 'offer';
  recipient: string;
  caseNumber: string;
  /** The outgoing message's kind (information_request, approval, …); null for an offer notice. */
  messageKind: string | null;
  /** An offer notice's personal link. */
  link: string | null;
  smtpMessageId: string;
  attempts: number;
}

const KIND_WORDS: Record<string, { nb: string; en: string }> = {
  information_request: { nb: 'en forespørsel om opplysninger (mangler i meldingen)', en: 'a request for information (items missing)' },
  approval: { nb: 'et svar på meldingen: godkjent', en: 'an answer to the message: approved' },
  rejection: { nb: 'et svar på meldingen: avvist', en: 'an answer to the message: rejected' },
  start_approval: { nb: 'en startmelding: arbeidet kan starte', en: 'a start message: the work may begin' },
  work_order: { nb: 'en arbeidsordre', en: 'a work order' },
};
const OTHER = { nb: 'en melding', en: 'a message' };

export function noticeMail(notice: DueNotice, portalUrl: string): PortalMail {
  const base = portalUrl.replace(/\/+$/, '');
  const { caseNumber } = notice;
  if (notice.notice === 'offer') {
    return {
      to: notice.recipient,
      messageId: notice.smtpMessageId,
      subject: `Tilbud om tilknytningsavtale, sak ${caseNumber} / Offer of a connection agreement, case ${caseNumber}`,
      text: [
        `Nettselskapet har sendt deg et tilbud om tilknytningsavtale med anleggsbidrag (sak ${caseNumber}).`,
        `Les tilbudet og svar på det her: ${notice.link ?? base}`,
        '',
        `The grid company has sent you an offer of a connection agreement (case ${caseNumber}).`,
        `Read and answer it here: ${notice.link ?? base}`,
      ].join('\n'),
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
