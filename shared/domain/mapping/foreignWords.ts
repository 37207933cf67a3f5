/**
 * Header words of German, French and Spanish inventories translated to the English
 * words the vocabulary knows ("Arbeitsspeicher" -> memory, "Système d'exploitation" -> os).
 * Only general IT-inventory words: the matcher still decides what a column means.
 * Words are in the accent-free lower-case form produced by foldDiacritics().
 */
import { NORDIC_SLAVIC_PHRASES, NORDIC_SLAVIC_WORDS } from './nordicSlavicWords.ts';
import { ROMANCE_DUTCH_PHRASES, ROMANCE_DUTCH_WORDS } from './romanceDutchWords.ts';

/** Multi-word phrases first (they would mean something else word by word). */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bsysteme d exploitation\b/g, 'os'],
  [/\bsistema operativo\b/g, 'os'],
  [/\bnumero de serie\b/g, 'serial number'],
  [/\bcentre de (donnees|calcul)\b/g, 'datacenter'],
  [/\bcentro de (datos|computo|calculo)\b/g, 'datacenter'],
  [/\bcentre de couts?\b/g, 'cost center'],
  [/\bcentro de (costes?|costos?)\b/g, 'cost center'],
  [/\bespace disque\b/g, 'disk space'],
  [/\bespacio en disco\b/g, 'disk space'],
  // French "nombre de" is a count; Spanish "nombre" is a name.
  [/\bnombre de (coeurs?|processeurs?|cpu|vcpu|disques?|sockets?|cartes?|interfaces?)\b/g, 'count $1'],
  [/\bnumero de (nucleos|procesadores|cpu|vcpu|discos)\b/g, 'count $1'],
  [/\bcantidad de\b/g, 'count'],
  [/\b(cycle de vie|ciclo de vida)\b/g, 'lifecycle'],
  ...ROMANCE_DUTCH_PHRASES,
  ...NORDIC_SLAVIC_PHRASES,
];

/** Single words. Ambiguous words ("speicher": memory or storage) are left out on purpose. */
const WORDS: Readonly<Record<string, string>> = {
  // German
  rechnername: 'computer name',
  servername: 'server name',
  betriebssystem: 'os',
  bs: 'os',
  arbeitsspeicher: 'memory',
  hauptspeicher: 'memory',
  speicherplatz: 'disk space',
  festplatte: 'disk',
  festplatten: 'disk',
  festplattenkapazitat: 'disk capacity',
  festplattengrosse: 'disk size',
  plattenplatz: 'disk space',
  kapazitat: 'capacity',
  grosse: 'size',
  belegt: 'used',
  belegter: 'used',
  belegte: 'used',
  genutzt: 'used',
  genutzter: 'used',
  verwendet: 'used',
  frei: 'free',
  freier: 'free',
  gesamt: 'total',
  anzahl: 'count',
  kerne: 'core',
  kern: 'core',
  prozessor: 'cpu',
  prozessoren: 'cpu',
  sockel: 'socket',
  adresse: 'address',
  seriennummer: 'serial number',
  inventarnummer: 'inventory count',
  typ: 'type',
  umgebung: 'environment',
  standort: 'location',
  rechenzentrum: 'datacenter',
  anwendung: 'application',
  applikation: 'application',
  verantwortlich: 'responsible',
  verantwortlicher: 'responsible',
  ansprechpartner: 'contact',
  fachbereich: 'department',
  abteilung: 'department',
  kostenstelle: 'cost center',
  kritikalitat: 'criticality',
  geschaftskritikalitat: 'business criticality',
  bemerkung: 'comment',
  bemerkungen: 'comment',
  kommentar: 'comment',
  beschreibung: 'description',
  zustand: 'state',
  hersteller: 'manufacturer',
  modell: 'model',
  eigentumer: 'owner',
  lebenszyklus: 'lifecycle',
  anwendungsverantwortlicher: 'application owner',
  systemverantwortlicher: 'technical owner',
  betriebsverantwortlicher: 'technical owner',
  besitzer: 'owner',
  // French
  nom: 'name',
  serveur: 'server',
  machine: 'machine',
  adresses: 'address',
  memoire: 'memory',
  processeur: 'cpu',
  processeurs: 'cpu',
  coeur: 'core',
  coeurs: 'core',
  disque: 'disk',
  disques: 'disk',
  stockage: 'storage',
  taille: 'size',
  capacite: 'capacity',
  utilise: 'used',
  occupe: 'used',
  libre: 'free',
  environnement: 'environment',
  emplacement: 'location',
  localisation: 'location',
  responsable: 'responsible',
  proprietaire: 'owner',
  departement: 'department',
  criticite: 'criticality',
  statut: 'status',
  etat: 'state',
  commentaire: 'comment',
  commentaires: 'comment',
  fabricant: 'manufacturer',
  modele: 'model',
  // Spanish
  nombre: 'name',
  servidor: 'server',
  direccion: 'address',
  memoria: 'memory',
  procesador: 'cpu',
  procesadores: 'cpu',
  nucleos: 'core',
  nucleo: 'core',
  disco: 'disk',
  discos: 'disk',
  almacenamiento: 'storage',
  tamano: 'size',
  capacidad: 'capacity',
  usado: 'used',
  utilizado: 'used',
  entorno: 'environment',
  ambiente: 'environment',
  ubicacion: 'location',
  sede: 'location',
  aplicacion: 'application',
  propietario: 'owner',
  departamento: 'department',
  criticidad: 'criticality',
  estado: 'status',
  comentario: 'comment',
  comentarios: 'comment',
  descripcion: 'description',
  tipo: 'type',
  fabricante: 'manufacturer',
  modelo: 'model',
  // Italian, Portuguese and Dutch (romanceDutchWords.ts)
  ...ROMANCE_DUTCH_WORDS,
  // Swedish, Polish and romanised Japanese (nordicSlavicWords.ts)
  ...NORDIC_SLAVIC_WORDS,
};

/** Size units as French inventories write them in brackets: "Mémoire (Go)". */
export const FOREIGN_SIZE_UNITS: Readonly<Record<string, string>> = {
  ko: 'kb',
  mo: 'mb',
  go: 'gb',
  to: 'tb',
};

/**
 * Fold accents and ligatures so "Kapazität", "Cœurs" and "Ubicación" reach the
 * word splitter as plain letters ("kapazitat", "coeurs", "ubicacion").
 */
export function foldDiacritics(text: string): string {
  return (
    text
      .replace(/ß/g, 'ss')
      // Letters NFD does not decompose: Polish "ł", Danish/Norwegian "ø", Croatian "đ".
      .replace(/[łŁøØđĐ]/g, (m) => ({ ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D' })[m] ?? m)
      .replace(/[œŒ]/g, (m) => (m === 'œ' ? 'oe' : 'OE'))
      .replace(/[æÆ]/g, (m) => (m === 'æ' ? 'ae' : 'AE'))
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
  );
}

/**
 * Translate the lower-case words of one header: phrases first, then single words.
 * @example translateWords(['nombre', 'de', 'coeurs']) // ['count', 'coeurs'] -> later 'core'
 */
export function translateWords(words: readonly string[]): string[] {
  let text = words.join(' ');
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement);
  return text
    .split(' ')
    .filter((w) => w.length > 0)
    .flatMap((w) => (WORDS[w] ?? w).split(' '));
}
