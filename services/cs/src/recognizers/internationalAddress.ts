import { PatternRecognizer } from './PatternRecognizer.js';

// Street words that come before the name (Romance, Greek, Slavic, Turkish) or end the name as a
// suffix or separate word (Germanic, Nordic, Dutch, Finnish, Hungarian).
const BEFORE = ['rue', 'avenue', 'av\\.', 'boulevard', 'bd', 'chemin', 'allée', 'impasse', 'place', 'quai', 'route', 'via', 'viale', 'corso',
  'piazza', 'largo', 'calle', 'avenida', 'avda\\.', 'paseo', 'plaza', 'carrer', 'carretera', 'camino', 'rua', 'travessa', 'praça', 'estrada',
  'ulica', 'ul\\.', 'aleja', 'al\\.', 'plac', 'ulice', 'ulitsa', 'ул\\.', 'улица', 'пр\\.', 'проспект', 'пер\\.', 'переулок', 'вул\\.', 'вулиця',
  'οδός', 'οδος', 'λεωφόρος', 'λεωφ\\.', 'πλατεία', 'cadde(?:si)?', 'sokak', 'sok\\.', 'mahallesi', 'strada', 'bulevardul', 'calea', 'utca'];
const SUFFIX = ['straße', 'strasse', 'str\\.', 'weg', 'gasse', 'allee', 'platz', 'ring', 'damm', 'ufer', 'chaussee', 'steig', 'gata', 'gatan',
  'vägen', 'väg', 'gade', 'vej', 'veien', 'vegen', 'vei', 'plass', 'torv', 'straat', 'laan', 'plein', 'gracht', 'kade', 'singel', 'dreef',
  'katu', 'tie', 'kuja', 'polku', 'väylä', 'utca', 'út', 'körút', 'tér'];
const L = String.raw`\p{Lu}\p{Ll}\p{Lo}'’.-`;
const NAME = String.raw`[\p{L}][${L}]*(?: (?:de|del|de la|do|da|dos|das|di|du|des|van|von|der|den|[\p{L}][${L}]*)){0,4}`;
const NUMBER = String.raw`\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?`;
const POSTAL_CITY = String.raw`(?:,? (?:[A-Z]{1,2}-)?\d{4,6}(?:-\d{3})? [\p{Lu}][${L}]+(?: [\p{Lu}][${L}]+)?)?`;

/**
 * Addresses the US street pattern misses: US military mail (`Unit 5477 Box 8244, DPO AP 15730`,
 * `PSC 1234, Box 5678, APO AE 09012`, `USNS Mercy, FPO AE 09001`), post-office boxes in several
 * languages (`P.O. Box 12`, `Postbox 53`, `Postfach 1120`, `Apartado 45`), and street-name-first
 * or number-first addresses with the street word of many languages (`Hauptstraße 5`, `12 rue de
 * Rivoli`, `Πλατεία Συντάγματος 204`, `ул. Тверская, д. 7`), each with an optional postcode and city.
 */
export const internationalAddressRecognizer = new PatternRecognizer({
  name: 'InternationalAddressRecognizer',
  entityType: 'ADDRESS',
  patterns: [
    { name: 'military unit/psc', regex: /\b(?:Unit|PSC|CMR) \d{3,5},? Box \d{1,5},? (?:APO|FPO|DPO) (?:AA|AE|AP) \d{5}\b/, score: 0.85 },
    { name: 'military ship', regex: /\bUS[NC]?[SV] [A-Z][a-zA-Z]+(?: [A-Z][a-zA-Z]+)?,? (?:FPO|APO|DPO) (?:AA|AE|AP) \d{5}\b/, score: 0.85 },
    { name: 'po box', regex: /(?<![\w])(?:P\.? ?O\.? Box|PO Box|Post Office Box|Post ?box|Postfach|Apartado(?: de correos)?|Caixa Postal|Casilla|Boîte postale|Postboks) \d{1,6}\b/iu, score: 0.6 },
    { name: 'street word first', regex: new RegExp(String.raw`(?<![\p{L}\d])(?:${BEFORE.join('|')}) ${NAME},? (?:(?:д\.|no\.?|nº|n°|№|nr\.?) ?)?${NUMBER}${POSTAL_CITY}(?![\p{L}\d])`, 'iu'), score: 0.55 },
    { name: 'number first', regex: new RegExp(String.raw`(?<![\p{L}\d,.])${NUMBER},? (?:${BEFORE.join('|')}) ${NAME}${POSTAL_CITY}(?![\p{L}\d])`, 'iu'), score: 0.55 },
    { name: 'street suffix', regex: new RegExp(String.raw`(?<![\p{L}\d])[\p{Lu}][\p{Ll}'’-]*(?:${SUFFIX.join('|')}) ${NUMBER}${POSTAL_CITY}(?![\p{L}\d])`, 'u'), score: 0.55 },
    { name: 'street word after', regex: new RegExp(String.raw`(?<![\p{L}\d])[\p{Lu}][\p{Ll}'’-]+ (?:${SUFFIX.join('|')}) ${NUMBER}${POSTAL_CITY}(?![\p{L}\d])`, 'iu'), score: 0.5 },
  ],
  context: ['address', 'adresse', 'anschrift', 'dirección', 'direccion', 'indirizzo', 'endereço', 'adres', 'osoite', 'mailing', 'residence', 'lives', 'domicile', 'wohnhaft'],
  contextWindow: { lines: 1, maxChars: 80, after: 0 },
});
