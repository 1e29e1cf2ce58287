// Conditions grid companies commonly attach to an approval, offered as ready-made choices. They are text for the
// installer and the owner, who read Norwegian, so they stay Norwegian whatever language the desk is shown in.
export const COMMON_APPROVAL_CONDITIONS = [
  'Signert tilknytningsavtale',
  'Innbetalt anleggsbidrag før tilkobling',
] as const;
