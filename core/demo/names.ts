// Norwegian names for owners, contact persons and firms, and the e-mail addresses people make of them.
import { AGDER_TOWNS } from './agderAddresses';
import { Random } from './random';

const FIRST_NAMES = ['Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde',
  'Anna', 'Solveig', 'Marianne', 'Randi', 'Ida', 'Nina', 'Maria', 'Elisabeth', 'Kristin', 'Silje', 'Ingvild', 'Nora',
  'Emma', 'Sofie', 'Tone', 'Hanne', 'Camilla', 'Guro', 'Åse', 'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut',
  'Svein', 'Arne', 'Thomas', 'Hans', 'Geir', 'Tor', 'Morten', 'Terje', 'Odd', 'Erik', 'Martin', 'Andreas', 'Jon',
  'Rune', 'Trond', 'Anders', 'Magnus', 'Jonas', 'Sindre', 'Håkon', 'Eirik', 'Tobias', 'Kristian', 'Øyvind', 'Gunnar',
  'Torbjørn', 'Sigurd', 'Mohammed', 'Ali', 'Piotr', 'Tomasz', 'Aleksander', 'Fatima', 'Agnieszka', 'Linh'];

const LAST_NAMES = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen',
  'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen',
  'Jacobsen', 'Dahl', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Bakken', 'Lie', 'Amundsen', 'Nguyen', 'Lunde', 'Solheim',
  'Berge', 'Nygård', 'Holm', 'Lien', 'Hauge', 'Evensen', 'Myhre', 'Haugland', 'Thomassen', 'Danielsen', 'Sandvik',
  'Næss', 'Vik', 'Thorsen', 'Birkeland', 'Isaksen', 'Tveit', 'Brekke', 'Tønnessen', 'Salvesen', 'Syvertsen',
  'Tjomsland', 'Håland', 'Skeie', 'Egeland', 'Omdal', 'Rosseland', 'Vigeland', 'Fidje', 'Ugland', 'Mydland',
  'Aanonsen', 'Torjussen', 'Reinertsen', 'Gjerstad', 'Kvinlaug', 'Abrahamsen', 'Ali', 'Kowalski', 'Nowak'];

export interface PersonName {
  first: string;
  last: string;
  full: string;
}

export function personName(random: Random): PersonName {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { first, last, full: `${first} ${last}` };
}

const slugs = new Map<string, string>();

/** Lower-case ASCII the way people write names in e-mail addresses: ø → o, æ → ae, å → aa. */
export function emailSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = slugOf(text);
    slugs.set(text, slug);
  }
  return slug;
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, 'og')
    .replace(/[^a-z0-9]+/g, '');
}

const PRIVATE_MAIL_DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'online.no', 'hotmail.com', 'outlook.com',
  'icloud.com', 'live.no', 'yahoo.no'];

export function privateEmail(random: Random, name: PersonName): string {
  const first = emailSlug(name.first);
  const last = emailSlug(name.last);
  const local = random.pick([`${first}.${last}`, `${first}${last}`, `${first}.${last}${random.int(1, 99)}`,
    `${first[0]}${last}`]);
  return `${local}@${random.pick(PRIVATE_MAIL_DOMAINS)}`;
}

/** The typos that break the offer and billing dialogue in real life. */
export function misspell(random: Random, email: string): string {
  const at = email.indexOf('@');
  switch (random.int(0, 4)) {
    case 0: {
      const typo = email.replace('gmail.com', 'gmial.com').replace('online.no', 'onlie.no').replace('hotmail.com', 'hotmal.com');
      return typo !== email ? typo : email.replace('@', '');
    }
    case 1:
      return email.replace(/\.(com|no)$/, '.con');
    case 2:
      return email.slice(0, at) + email.slice(at + 1); // the @ forgotten
    case 3:
      return `${email},`;
    default:
      return email.replace('@', '@@');
  }
}

/** A Norwegian mobile number: eight digits starting with 4 or 9. */
export function mobilePhone(random: Random): string {
  return `+47 ${random.pick(['4', '9'])}${random.digits(7)}`;
}

/** A landline in Agder: 37 (east) or 38 (west). */
export function agderLandline(random: Random): string {
  return `+47 ${random.pick(['37', '38'])}${random.digits(6)}`;
}

const INSTALLER_PATTERNS: ReadonlyArray<(town: string, last: string) => string> = [
  (town) => `${town} Elektro AS`,
  (town) => `${town} Elektriske AS`,
  (town) => `${town} Elservice AS`,
  (town) => `Elektrikern ${town} AS`,
  (town) => `${town} Elinstallasjon AS`,
  (_, last) => `${last} Elektro AS`,
  (_, last) => `${last} & Sønn Elektro AS`,
  (_, last) => `Elektriker ${last} AS`,
  (_, last) => `${last} Installasjon AS`,
];

const REGIONAL_INSTALLERS = ['Sørlandet Elektro AS', 'Agder Elinstallasjon AS', 'Sørlandets Elektriske AS',
  'Agder Elektro og Automasjon AS', 'Setesdal Elektro AS', 'Lister Elektro AS', 'Sørlandet Solkraft AS',
  'Agder Elbil og Lading AS', 'Skagerak Elinstallasjon AS', 'Otra Elektro AS'];

/** Unique installer names; the regional firms first, then town- and family-named ones. */
export function installerNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  for (const regional of REGIONAL_INSTALLERS) if (names.size < count && random.chance(0.8)) names.add(regional);
  while (names.size < count) {
    const pattern = random.pick(INSTALLER_PATTERNS);
    names.add(pattern(random.pick(AGDER_TOWNS), random.pick(LAST_NAMES)));
  }
  return [...names];
}

const COMPANY_OWNER_PATTERNS: ReadonlyArray<(town: string, last: string) => string> = [
  (_, last) => `${last} Eiendom AS`,
  (town) => `${town} Næringsbygg AS`,
  (town) => `${town} Boligbyggelag`,
  (_, last) => `${last} Bygg AS`,
  (town) => `Borettslaget ${town}parken`,
  (_, last) => `${last} Holding AS`,
  (town) => `${town} Handel AS`,
  (_, last) => `${last} Gårdsdrift`,
  (town) => `${town} Utvikling AS`,
];

const MUNICIPAL_OWNERS = ['Kristiansand', 'Arendal', 'Grimstad', 'Lindesnes', 'Lillesand', 'Vennesla', 'Lyngdal',
  'Farsund', 'Flekkefjord', 'Tvedestrand', 'Risør', 'Froland', 'Birkenes', 'Kvinesdal'];

export function companyOwnerName(random: Random, use: string): string {
  if (use === 'street_light') {
    return random.chance(0.75) ? `${random.pick(MUNICIPAL_OWNERS)} kommune` : random.pick(['Statens vegvesen',
      'Agder fylkeskommune']);
  }
  if (use === 'construction_power') {
    return random.pick([`${random.pick(LAST_NAMES)} Bygg AS`, `${random.pick(AGDER_TOWNS)} Entreprenør AS`,
      'Sørlandsbygg AS', 'Sør Byggservice AS', `${random.pick(LAST_NAMES)} Maskin AS`]);
  }
  return random.pick(COMPANY_OWNER_PATTERNS)(random.pick(AGDER_TOWNS), random.pick(LAST_NAMES));
}

export function companyEmail(random: Random, companyName: string): string {
  const slug = emailSlug(companyName.replace(/\b(AS|kommune)\b/g, '')).slice(0, 24);
  return `${random.pick(['post', 'post', 'faktura', 'firmapost', 'kontakt'])}@${slug}.no`;
}
