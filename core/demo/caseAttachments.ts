// Which documents come with a request (company practice), which of them the installer forgot, and the
// sample files that stand in for their content.
import type { AttachmentKind, RequestType } from '../../shared/rules';
import type { RequestFacts } from './cases';
import { needsPowerBudget, type TechnicalFacts } from './installation';
import { Random } from './random';

export type SampleFile = 'site_map' | 'single_line_diagram' | 'power_budget' | 'production_declaration'
  | 'inverter_certificate' | 'photo' | 'grid_rental_order' | 'co_owner_consent';

/** The files in resources/demo-attachments, stored once in the attachment store. */
export const SAMPLE_FILES: Readonly<Record<SampleFile, { file: string; mimeType: string }>> = {
  site_map: { file: 'situasjonskart_1-500.pdf', mimeType: 'application/pdf' },
  single_line_diagram: { file: 'enlinjeskjema.pdf', mimeType: 'application/pdf' },
  power_budget: { file: 'effektberegning.pdf', mimeType: 'application/pdf' },
  production_declaration: { file: 'erklaering_plusskunde.pdf', mimeType: 'application/pdf' },
  inverter_certificate: { file: 'samsvarserklaering_vekselretter.pdf', mimeType: 'application/pdf' },
  photo: { file: 'bilde_maalerskap.png', mimeType: 'image/png' },
  grid_rental_order: { file: 'bestilling_nettleie.pdf', mimeType: 'application/pdf' },
  co_owner_consent: { file: 'samtykke_sameiere.pdf', mimeType: 'application/pdf' },
};

export interface PlannedAttachment {
  kind: AttachmentKind;
  sample: SampleFile;
  fileName: string;
  /** Required but forgotten: arrives later, when the installer answers the request for information. */
  missingOnArrival: boolean;
}

const NEEDS_SITE_MAP: ReadonlySet<RequestType> = new Set(['new_installation', 'new_metering_point',
  'temporary_installation', 'street_lighting', 'service_line_move']);
/** A new grid customer: the owner signs the order for grid rental (bestilling av nettleie). */
const NEW_GRID_CUSTOMER: ReadonlySet<RequestType> = new Set(['new_installation', 'new_metering_point']);

const SITE_MAP_NAMES = ['situasjonskart_1-500.pdf', 'situasjonskart_1-500.pdf', 'situasjonskart.pdf', 'Kart 1-500.pdf'];
const PHOTO_NAMES = ['bilde_maalerskap.png', 'inntak.png', 'bilde_sikringsskap.png'];

export function planAttachments(
  random: Random,
  type: RequestType,
  facts: TechnicalFacts & Pick<RequestFacts, 'sharedServiceLine'>,
): PlannedAttachment[] {
  const planned: PlannedAttachment[] = [];
  const required = (kind: SampleFile, fileName: string, forgotten: number) =>
    planned.push({ kind, sample: kind, fileName, missingOnArrival: random.chance(forgotten) });
  if (NEEDS_SITE_MAP.has(type)) required('site_map', random.pick(SITE_MAP_NAMES), 0.1);
  else if (random.chance(0.15)) planned.push({ kind: 'site_map', sample: 'site_map',
    fileName: random.pick(SITE_MAP_NAMES), missingOnArrival: false });
  if (facts.unitCount > 1 || (facts.batteryKwh ?? 0) > 0) required('single_line_diagram', 'enlinjeskjema.pdf', 0.1);
  if (NEW_GRID_CUSTOMER.has(type)) required('grid_rental_order', 'bestilling_nettleie_signert.pdf', 0.12);
  if (facts.sharedServiceLine || (type === 'fuse_change' && facts.unitCount > 1)) {
    required('co_owner_consent', 'samtykke_sameiere.pdf', 0.15);
  }
  if (needsPowerBudget(facts)) required('power_budget', 'effektberegning.pdf', 0.15);
  if (facts.hasProduction) {
    required('production_declaration', 'erklaering_plusskunde.pdf', 0.08);
    required('inverter_certificate', 'samsvarserklaering_vekselretter_VDE-AR-N-4105.pdf', 0.08);
  }
  if (random.chance(0.12)) {
    planned.push({ kind: 'photo', sample: 'photo', fileName: random.pick(PHOTO_NAMES), missingOnArrival: false });
  }
  return planned;
}
