// What feeds the "Ny melding" form from the grid company's side (issue 12, item 2): the completeness rule set in force
// (portalCompletenessRules), the installation facts held from earlier cases (portalLookupInstallation) and the
// standard attachments offered as templates (portalListTemplates, portalGetTemplate).
import { z } from 'zod';
import { CompletenessRuleSetSchema } from '../contract/completeness';
import { ATTACHMENT_KINDS, BUILDING_USES, NETWORK_SYSTEMS, REQUEST_TYPES } from '../rules';

export const PortalCompletenessRulesOutput = z.object({
  /** Every request type's rule set: the grid company's, or the shipped default where it stored none. */
  ruleSets: z.record(z.enum(REQUEST_TYPES), CompletenessRuleSetSchema),
  sources: z.record(z.enum(REQUEST_TYPES), z.enum(['company', 'default'])),
});
export type PortalCompletenessRulesOutput = z.infer<typeof PortalCompletenessRulesOutput>;

/** By metering point ID, or by street address and postcode. */
export const PortalLookupInstallationQuery = z
  .object({
    meteringPointId: z.string().trim().max(40).optional(),
    address: z.string().trim().min(1).max(200).optional(),
    postcode: z.string().trim().max(10).optional(),
  })
  .refine((query) => query.meteringPointId !== undefined || (query.address !== undefined && query.postcode !== undefined), {
    message: 'Give meteringPointId, or address and postcode',
    path: ['meteringPointId'],
  });
export type PortalLookupInstallationQuery = z.infer<typeof PortalLookupInstallationQuery>;

/** The installation as the grid company knows it: facts about the place and its connection, nobody's person. */
export const PortalInstallationFacts = z.object({
  address: z.string(),
  postcode: z.string(),
  postTown: z.string(),
  municipalityNumber: z.string(),
  gnr: z.int().nullable(),
  bnr: z.int().nullable(),
  fnr: z.int().nullable(),
  snr: z.int().nullable(),
  buildingUse: z.enum(BUILDING_USES),
  networkSystem: z.enum(NETWORK_SYSTEMS),
  phases: z.int(),
  mainFuseA: z.int().nullable(),
  meterNumbers: z.array(z.string()),
  meteringPointIds: z.array(z.string()),
});
export type PortalInstallationFacts = z.infer<typeof PortalInstallationFacts>;

export const PortalLookupInstallationOutput = z.object({ installation: PortalInstallationFacts.nullable() });
export type PortalLookupInstallationOutput = z.infer<typeof PortalLookupInstallationOutput>;

export const PORTAL_TEMPLATE_NAMES = ['effektberegning', 'bestilling-nettleie', 'samtykke-sameiere'] as const;
export type PortalTemplateName = (typeof PORTAL_TEMPLATE_NAMES)[number];

export const PortalTemplate = z.object({
  name: z.enum(PORTAL_TEMPLATE_NAMES),
  /** The attachment kind the filled-in form is sent as. */
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  bytes: z.int(),
});
export type PortalTemplate = z.infer<typeof PortalTemplate>;

export const PortalListTemplatesOutput = z.object({ templates: z.array(PortalTemplate) });
export type PortalListTemplatesOutput = z.infer<typeof PortalListTemplatesOutput>;
export const PortalTemplateParams = z.object({ name: z.enum(PORTAL_TEMPLATE_NAMES) });
