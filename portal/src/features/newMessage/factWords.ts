// The facts a completeness rule names, in the installer's words: the form field's label for the fact, and the value
// as the form offers it ("Leilighetsbygg", not `apartment_building`). A fact with no field in the form (the request
// type, production on or off) has its own name; nothing falls back to the code.
import type { TFunction } from 'i18next';
import { formKeyOfFact } from './messageForm';

/** Facts whose values are codes, and where the form keeps their words. */
const VALUE_WORDS: Record<string, string> = {
  networkSystem: 'newMessage.options.networkSystem',
  buildingUse: 'newMessage.options.buildingUse',
  ownerIdKind: 'newMessage.options.idKind',
  phases: 'newMessage.options.phases',
  requestType: 'newMessage.requestTypes',
};

export function factLabel(t: TFunction, fact: string): string {
  const key = formKeyOfFact(fact);
  return key ? t(`newMessage.field.${key}`) : t([`newMessage.factNames.${fact}`, 'newMessage.factNames.other']);
}

export function factValue(t: TFunction, fact: string, value: unknown): string {
  if (typeof value === 'boolean') return t(value ? 'newMessage.factNames.yes' : 'newMessage.factNames.no');
  const words = VALUE_WORDS[fact];
  return words ? t(`${words}.${String(value)}`) : String(value);
}
