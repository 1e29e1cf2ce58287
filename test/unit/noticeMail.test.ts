// The delivery notice names the kind of message in words, in bokmål then English, and never carries the letter:
// the referral to a developer project (issue 13) is named like the approval and the rejection.
import { describe, expect, it } from 'vitest';
import { noticeMail, type DueNotice } from '../../service/delivery/noticeMail';

const notice = (messageKind: string): DueNotice => ({
  id: 'n1', notice: 'message', recipient: 'post@firma.test', caseNumber: '2026-000042', messageKind, link: null,
  smtpMessageId: '<n1@test>', attempts: 0,
});

describe('noticeMail', () => {
  it.each([
    ['approval', 'et svar på meldingen: godkjent', 'an answer to the message: approved'],
    ['rejection', 'et svar på meldingen: avvist', 'an answer to the message: rejected'],
    ['developer_referral', 'et svar på meldingen: henvist til utbyggerprosjekt', 'an answer to the message: referred to a developer project'],
  ])('names a %s in both languages and points to the inbox', (kind, nb, en) => {
    const mail = noticeMail(notice(kind), 'https://portal.test/');
    expect(mail.text).toContain(`Nettselskapet har sendt ${nb} i sak 2026-000042.`);
    expect(mail.text).toContain(`The grid company has sent ${en} on case 2026-000042.`);
    expect(mail.text).toContain('https://portal.test/inbox');
    expect(mail.attachments).toBeUndefined();
  });
});
