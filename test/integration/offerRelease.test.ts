// The offer letter tells the owner when the installer may start as the company practises it: when the contribution
// is paid (the default), or when the offer is accepted where the company setting "release the work on acceptance"
// is on — the same setting that sends the klarsignal on acceptance. It used to say "paid" whatever the setting.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompanySettingsView, CreateOfferDraftResult, IssueOfferResult } from '../../shared/contract';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

const SUPERVISOR = 'marit.rosseland';
let harness: InProcessHarness;
afterEach(() => harness.dispose());

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await harness.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

async function issuedLetterText(releaseOnAcceptance: boolean): Promise<string> {
  harness = startInProcessHarness({ cases: 20, userId: SUPERVISOR });
  const current = await ok<CompanySettingsView>('companySettings.get', {});
  await ok('companySettings.save', { ...current.values, releaseOnAcceptance });
  const { id: caseId } = harness.core.database.sqlite
    .prepare("SELECT id FROM cases WHERE request_type = 'new_installation' ORDER BY id LIMIT 1").get() as { id: number };
  const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
  const issued = await ok<IssueOfferResult>('case.issueOffer', { offerId });
  const file = path.join(harness.dataDirectory, 'attachments', issued.pdfSha256);
  return plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
}

describe('when the offer letter says the work may start', () => {
  it('says "when the contribution is paid" by default', async () => {
    const text = await issuedLetterText(false);
    expect(text).toContain('klarsignal til å starte arbeidet ved tilknytningspunktet når anleggsbidraget er betalt');
  });

  it('says "when you have accepted" where the company releases the work on acceptance', async () => {
    const text = await issuedLetterText(true);
    expect(text).toContain('klarsignal til å starte arbeidet ved tilknytningspunktet når du har godtatt tilbudet');
    expect(text).not.toContain('når anleggsbidraget er betalt');
  });
});
