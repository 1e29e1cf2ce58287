// The importer's reasons for refusing a message (portalSubmitMessage's 400/403/404/409/413/415 answer), put where the
// installer can fix them: on the form's field, on the attachment, or in a list when they name neither. Each as a
// translation key, never the importer's English words.
import type { PortalMessageReason } from '../../../../shared/portalApi/messages';
import { fieldOfReason } from './messageForm';

export interface PlacedReasons {
  /** Form field → translation key. */
  fields: Record<string, string>;
  /** Attachment index → translation key. */
  attachments: Record<number, string>;
  /** Reasons that name no field of the form (their paths and keys). */
  other: Array<{ path: string; key: string }>;
}

const IDENTIFIER_PROBLEMS = new Set(['empty', 'notDigits', 'wrongLength', 'checkDigit', 'checkDigitImpossible',
  'notNorwegianPrefix', 'outOfRange', 'malformed']);

/** The translation key (under newMessage.) of a reason's code. */
export function reasonKey(code: string): string {
  const problem = code.split('.').pop() ?? '';
  if (code === 'municipality.unknown') return 'problem.identifier.unknownMunicipality';
  if (code.startsWith('attachment.tooLarge') || code === 'message.tooLarge') return 'send.attachmentTooLarge';
  if (code.startsWith('attachment.')) return 'send.attachmentRefused';
  if (IDENTIFIER_PROBLEMS.has(problem) && code.includes('.')) return `problem.identifier.${problem}`;
  if (code === 'required' || code === 'too_small') return 'problem.required';
  return 'send.notAccepted';
}

export function placeReasons(reasons: readonly PortalMessageReason[]): PlacedReasons {
  const placed: PlacedReasons = { fields: {}, attachments: {}, other: [] };
  for (const reason of reasons) {
    const key = reasonKey(reason.code);
    const field = fieldOfReason(reason.path);
    const attachment = field ? /^attachments\.(\d+)$/.exec(field) : null;
    if (attachment) placed.attachments[Number(attachment[1])] = key;
    else if (field) placed.fields[field] ??= key;
    else placed.other.push({ path: reason.path, key });
  }
  return placed;
}

/** The reasons of a refusal's answer (`body` of the API error), if it has any. */
export function reasonsOf(body: unknown): PortalMessageReason[] {
  const reasons = (body as { reasons?: unknown } | null)?.reasons;
  return Array.isArray(reasons) ? reasons.filter((r: unknown): r is PortalMessageReason =>
    typeof r === 'object' && r !== null && 'path' in r && typeof r.path === 'string' && 'code' in r && typeof r.code === 'string') : [];
}
