// Where installations in Agder are: postcodes with their post towns and street names per municipality, and
// weights that follow the population, so Kristiansand and Arendal dominate the queue as they do in real life.
import type { BuildingUse } from '../../shared/rules';
import { AGDER_MUNICIPALITIES } from '../../shared/rules';
import { Random, weightedPicker, type Weighted } from './random';

interface MunicipalityPlaces {
  /** Inhabitants, rounded: the weight of the municipality among ordinary requests. */
  population: number;
  /** Holiday homes cluster on the coast and in the mountains, not where people live. */
  holidayHomeWeight: number;
  maxGnr: number;
  places: ReadonlyArray<readonly [postcode: string, postTown: string]>;
  streets: readonly string[];
  /** Setesdal and the inland write street names in nynorsk (-vegen). */
  nynorsk?: boolean;
}

const KRS = 'Kristiansand S';

const PLACES: Record<string, MunicipalityPlaces> = {
  '4201': { population: 6_800, holidayHomeWeight: 8, maxGnr: 130, places: [['4950', 'Risør'], ['4990', 'Søndeled']],
    streets: ['Kragsgata', 'Strandgata', 'Prestegata', 'Tjenngata', 'Randvikveien', 'Frydendalsveien', 'Sandnesveien'] },
  '4202': { population: 24_500, holidayHomeWeight: 8, maxGnr: 230,
    places: [['4876', 'Grimstad'], ['4877', 'Grimstad'], ['4879', 'Grimstad'], ['4885', 'Grimstad'], ['4870', 'Fevik'],
      ['4888', 'Homborsund']],
    streets: ['Storgata', 'Vestregate', 'Arendalsveien', 'Frivoldveien', 'Grooseveien', 'Fjæreveien', 'Bergemoveien',
      'Dømmesmoveien', 'Smith Petersens gate', 'Jappa'] },
  '4203': { population: 46_000, holidayHomeWeight: 7, maxGnr: 520,
    places: [['4836', 'Arendal'], ['4838', 'Arendal'], ['4839', 'Arendal'], ['4841', 'Arendal'], ['4842', 'Arendal'],
      ['4843', 'Arendal'], ['4847', 'Arendal'], ['4848', 'Arendal'], ['4817', 'His'], ['4818', 'Færvik'],
      ['4823', 'Nedenes'], ['4824', 'Bjorbekk'], ['4815', 'Saltrød']],
    streets: ['Kystveien', 'Vesterveien', 'Munkehaugveien', 'Stoaveien', 'Nygata', 'Langsæveien', 'Strømsbuveien',
      'Hisøyveien', 'Molandsveien', 'Krøgenesveien', 'Nedenesveien', 'Langbryggen', 'Barbudalen', 'Myrene'] },
  '4204': { population: 116_000, holidayHomeWeight: 6, maxGnr: 480,
    places: [['4608', KRS], ['4610', KRS], ['4614', KRS], ['4616', KRS], ['4618', KRS], ['4621', KRS],
      ['4622', KRS], ['4623', KRS], ['4624', KRS], ['4625', KRS], ['4626', KRS], ['4628', KRS], ['4629', KRS],
      ['4630', KRS], ['4631', KRS], ['4632', KRS], ['4633', KRS], ['4634', KRS], ['4635', KRS], ['4636', KRS],
      ['4637', KRS], ['4638', KRS], ['4639', KRS], ['4640', 'Søgne'], ['4645', 'Nodeland'], ['4656', 'Hamresanden'],
      ['4658', 'Tveit']],
    streets: ['Markens gate', 'Dronningens gate', 'Kongens gate', 'Tollbodgata', 'Elvegata', 'Vestre Strandgate',
      'Kirkegata', 'Rådhusgata', 'Festningsgata', 'Gyldenløves gate', 'Tordenskjolds gate', 'Vågsbygdveien',
      'Kuholmsveien', 'Gimleveien', 'Lundsvingen', 'Voiebyveien', 'Slettheiveien', 'Hannevikveien', 'Søgneveien',
      'Kjøita', 'Sødalsveien', 'Tinnheiveien', 'Flekkerøyveien'] },
  '4205': { population: 23_700, holidayHomeWeight: 9, maxGnr: 250,
    places: [['4515', 'Mandal'], ['4516', 'Mandal'], ['4517', 'Mandal'], ['4514', 'Mandal'], ['4520', 'Lindesnes'],
      ['4525', 'Konsmo'], ['4532', 'Øyslebø'], ['4534', 'Marnardal']],
    streets: ['Store Elvegate', 'Bryggegata', 'Marnaveien', 'Skjebstadveien', 'Gismerøyveien', 'Idrettsveien',
      'Vigeland sentrum', 'Åsvegen'] },
  '4206': { population: 9_800, holidayHomeWeight: 6, maxGnr: 120,
    places: [['4550', 'Farsund'], ['4552', 'Farsund'], ['4560', 'Vanse'], ['4563', 'Borhaug']],
    streets: ['Brogata', 'Strandgata', 'Listaveien', 'Vestre Kanalgate', 'Loshamnveien', 'Husebyveien'] },
  '4207': { population: 9_100, holidayHomeWeight: 5, maxGnr: 150,
    places: [['4400', 'Flekkefjord'], ['4403', 'Flekkefjord'], ['4432', 'Hidrasund'], ['4436', 'Gyland']],
    streets: ['Elvegaten', 'Brogaten', 'Kirkegaten', 'Dr. Kraftsgate', 'Løvikveien', 'Sirdalsveien'] },
  '4211': { population: 2_400, holidayHomeWeight: 2, maxGnr: 90, places: [['4980', 'Gjerstad'], ['4993', 'Sundebru']],
    streets: ['Gjerstadveien', 'Fiane', 'Brokelandsheia'] },
  '4212': { population: 2_100, holidayHomeWeight: 2, maxGnr: 80, places: [['4985', 'Vegårshei']],
    streets: ['Myra', 'Ubergsmoen', 'Vegårsheiveien'] },
  '4213': { population: 6_100, holidayHomeWeight: 7, maxGnr: 110,
    places: [['4900', 'Tvedestrand'], ['4909', 'Songe'], ['4912', 'Gjeving']],
    streets: ['Hovedgata', 'Fritz Smiths gate', 'Grendstøveien', 'Lyngørveien', 'Vestre Sandøya'] },
  '4214': { population: 6_200, holidayHomeWeight: 2, maxGnr: 100,
    places: [['4820', 'Froland'], ['4827', 'Frolands Verk'], ['4828', 'Mjåvatn']],
    streets: ['Osedalen', 'Blakstadheia', 'Mjåvannsveien', 'Frolandsveien'] },
  '4215': { population: 11_500, holidayHomeWeight: 8, maxGnr: 150,
    places: [['4790', 'Lillesand'], ['4792', 'Lillesand'], ['4770', 'Høvåg']],
    streets: ['Strandgata', 'Storgata', 'Gamle Kristiansandsvei', 'Tingsakerveien', 'Kokkeheia', 'Høvågveien'] },
  '4216': { population: 5_300, holidayHomeWeight: 2, maxGnr: 90,
    places: [['4760', 'Birkeland'], ['4766', 'Herefoss'], ['4768', 'Engesland']],
    streets: ['Birkelandsveien', 'Senumstadveien', 'Tveideveien', 'Herefossveien'] },
  '4217': { population: 1_800, holidayHomeWeight: 3, maxGnr: 80, places: [['4865', 'Åmli'], ['4863', 'Nelaug']],
    streets: ['Nelaugveien', 'Gjøvdalsveien', 'Tovdalsveien'] },
  '4218': { population: 1_400, holidayHomeWeight: 2, maxGnr: 60, places: [['4724', 'Iveland']],
    streets: ['Ivelandsveien', 'Birketveit', 'Skaiåveien'] },
  '4219': { population: 3_800, holidayHomeWeight: 3, maxGnr: 90, places: [['4735', 'Evje'], ['4737', 'Hornnes']],
    nynorsk: true, streets: ['Verksvegen', 'Setesdalsvegen', 'Hornnesvegen', 'Syrtveitvegen'] },
  '4220': { population: 1_200, holidayHomeWeight: 4, maxGnr: 80,
    places: [['4745', 'Bygland'], ['4741', 'Byglandsfjord']], nynorsk: true,
    streets: ['Setesdalsvegen', 'Årdalsvegen', 'Ose'] },
  '4221': { population: 1_200, holidayHomeWeight: 6, maxGnr: 70, places: [['4747', 'Valle'], ['4748', 'Rysstad']],
    nynorsk: true, streets: ['Setesdalsvegen', 'Hylestadvegen', 'Brokke'] },
  '4222': { population: 1_000, holidayHomeWeight: 14, maxGnr: 60,
    places: [['4754', 'Bykle'], ['4755', 'Hovden i Setesdal']], nynorsk: true,
    streets: ['Hovdevegen', 'Lundane', 'Setesdalsvegen', 'Breiveggen'] },
  '4223': { population: 15_300, holidayHomeWeight: 2, maxGnr: 110,
    places: [['4700', 'Vennesla'], ['4702', 'Vennesla'], ['4703', 'Vennesla'], ['4715', 'Øvrebø'],
      ['4720', 'Hægeland']],
    streets: ['Nyhusveien', 'Vennesla sentrum', 'Moseidmoen', 'Hunsøyveien', 'Grovane', 'Eikelandsveien'] },
  '4224': { population: 950, holidayHomeWeight: 5, maxGnr: 50, places: [['4540', 'Åseral']], nynorsk: true,
    streets: ['Kyrkjebygdvegen', 'Bortelid', 'Lidvegen'] },
  '4225': { population: 11_000, holidayHomeWeight: 6, maxGnr: 200,
    places: [['4580', 'Lyngdal'], ['4586', 'Korshamn'], ['4588', 'Kvås']],
    streets: ['Alleen', 'Agnefest', 'Rom', 'Kvåsveien', 'Austadveien', 'Rosfjordveien'] },
  '4226': { population: 1_700, holidayHomeWeight: 2, maxGnr: 60,
    places: [['4595', 'Tingvatn'], ['4590', 'Snartemo']], nynorsk: true,
    streets: ['Tingvatnvegen', 'Snartemovegen', 'Eiken'] },
  '4227': { population: 6_000, holidayHomeWeight: 4, maxGnr: 140, places: [['4480', 'Kvinesdal'], ['4485', 'Feda']],
    streets: ['Nesgata', 'Vesteråsveien', 'Storgata', 'Fedaveien'] },
  '4228': { population: 1_900, holidayHomeWeight: 12, maxGnr: 80,
    places: [['4440', 'Tonstad'], ['4443', 'Tjørhom']], nynorsk: true,
    streets: ['Sirdalsvegen', 'Tjørhomfjellet', 'Fidjeland', 'Ålsheia'] },
};

const COMMON_STREETS = ['Skogveien', 'Granveien', 'Bjørkeveien', 'Furuveien', 'Lyngveien', 'Bakkeveien', 'Åsveien',
  'Heiveien', 'Solbakken', 'Kirkeveien', 'Sjøveien', 'Fjellveien', 'Eikeveien', 'Rognebakken', 'Lindeveien',
  'Tjernveien', 'Skolebakken', 'Stasjonsveien', 'Industriveien', 'Nyveien', 'Strandveien', 'Vardeveien'];
const COMMON_STREETS_NYNORSK = ['Skogvegen', 'Bjørkevegen', 'Heivegen', 'Kyrkjevegen', 'Bakkevegen', 'Solbakken',
  'Fjellvegen', 'Stasjonsvegen', 'Furuvegen', 'Lyngvegen'];

export const MUNICIPALITY_NAMES: ReadonlyMap<string, string> = new Map(
  AGDER_MUNICIPALITIES.map((m) => [m.number, m.name]),
);

const byPopulation = weightedPicker(Object.entries(PLACES).map(([n, p]) => [n, p.population] as const));
const byHolidayHomes = weightedPicker(Object.entries(PLACES).map(([n, p]) => [n, p.holidayHomeWeight] as const));

export function pickMunicipality(random: Random, use?: BuildingUse): string {
  return use === 'holiday_home' ? byHolidayHomes(random) : byPopulation(random);
}

export interface InstallationAddress {
  address: string;
  postcode: string;
  postTown: string;
  municipalityNumber: string;
  gnr: number;
  bnr: number;
  fnr: number | null;
  snr: number | null;
}

const HOUSE_NUMBERS: Weighted<[number, number]> = [[[1, 30], 60], [[31, 80], 28], [[81, 250], 12]];
const pickHouseNumberRange = weightedPicker(HOUSE_NUMBERS);

export function addressIn(random: Random, municipalityNumber: string, sectioned: boolean): InstallationAddress {
  const place = PLACES[municipalityNumber];
  const [postcode, postTown] = random.pick(place.places);
  const streets = random.chance(0.6) ? place.streets : place.nynorsk ? COMMON_STREETS_NYNORSK : COMMON_STREETS;
  const [low, high] = pickHouseNumberRange(random);
  const letter = random.chance(0.12) ? random.pick(['A', 'B', 'C']) : '';
  return {
    address: `${random.pick(streets)} ${random.int(low, high)}${letter}`,
    postcode,
    postTown,
    municipalityNumber,
    gnr: random.int(1, place.maxGnr),
    bnr: random.chance(0.7) ? random.int(1, 250) : random.int(251, 1_400),
    // Leaseholds (feste) are rare; sections (seksjoner) belong to apartment buildings and shared houses.
    fnr: random.chance(0.02) ? random.int(1, 40) : null,
    snr: sectioned ? random.int(1, 60) : null,
  };
}

/** Home towns for installers' and suppliers' names: the larger places of Agder. */
export const AGDER_TOWNS = ['Kristiansand', 'Arendal', 'Grimstad', 'Mandal', 'Lillesand', 'Vennesla', 'Lyngdal',
  'Farsund', 'Flekkefjord', 'Tvedestrand', 'Risør', 'Evje', 'Kvinesdal', 'Søgne', 'Birkeland', 'Froland'] as const;

/** Which region a municipality belongs to: installers mostly work near home. */
export const REGION_OF_MUNICIPALITY: Readonly<Record<string, 'east' | 'central' | 'west'>> = {
  '4201': 'east', '4202': 'east', '4203': 'east', '4211': 'east', '4212': 'east', '4213': 'east', '4214': 'east',
  '4217': 'east', '4204': 'central', '4215': 'central', '4216': 'central', '4218': 'central', '4219': 'central',
  '4220': 'central', '4221': 'central', '4222': 'central', '4223': 'central', '4205': 'west', '4206': 'west',
  '4207': 'west', '4224': 'west', '4225': 'west', '4226': 'west', '4227': 'west', '4228': 'west',
};

export const REGION_OF_TOWN: Readonly<Record<(typeof AGDER_TOWNS)[number], 'east' | 'central' | 'west'>> = {
  Kristiansand: 'central', Arendal: 'east', Grimstad: 'east', Mandal: 'west', Lillesand: 'central',
  Vennesla: 'central', Lyngdal: 'west', Farsund: 'west', Flekkefjord: 'west', Tvedestrand: 'east', Risør: 'east',
  Evje: 'central', Kvinesdal: 'west', Søgne: 'central', Birkeland: 'central', Froland: 'east',
};
