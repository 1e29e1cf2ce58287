/** "987654325" → "987 654 325", as the Brønnøysund registers print it; anything else is shown as given. */
export function formatOrganisationNumber(value: string): string {
  return /^\d{9}$/.test(value) ? `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` : value;
}
