// A construction-power cabinet (temporary installation) sent by a firm through the portal, for tests that need one
// of the firm's own cases to ask about. Answers its case number.
import type { RawClient } from '../../support/serviceClient';

export async function constructionPowerCase(client: RawClient, firm: { org: string }, messageId: string): Promise<string> {
  const answer = await client.post<{ caseNumber: string }>('/api/portal/messages', {
    messageId,
    kind: 'request',
    sentAt: '2026-11-02T08:15:00+01:00',
    sender: { role: 'installer', organisationNumber: firm.org, name: 'Elektro AS' },
    requestType: 'temporary_installation',
    installation: {
      address: `Byggeveien ${messageId}`, postcode: '4631', postTown: 'Kristiansand', municipalityNumber: '4204',
      buildingUse: 'construction_power', networkSystem: '400V_TN', phases: 3, mainFuseA: 63, expectedPowerKw: 30,
    },
    owner: { name: 'Byggherre AS', idKind: 'organisation_number', organisationNumber: '923609016' },
    installer: { organisationNumber: firm.org, name: 'Elektro AS', contactPerson: 'Ola Elektriker' },
  });
  if (answer.status !== 200) throw new Error(`message answered ${answer.status}: ${answer.text}`);
  return answer.body.caseNumber;
}
