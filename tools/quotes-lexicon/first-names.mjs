// Writes models/quotes-lexicon/first-names.tsv to standard output: titles written for this
// project, and the first names the compromise package (MIT licence, copyright 2019 Spencer Kelly)
// tags MaleName or FemaleName in its lexicon, less the names that tell nothing (see AMBIGUOUS).
// Usage: cd tools/quotes-lexicon && npm ci && npm run build
import nlp from 'compromise'

const TITLES = {
  male: ['mr', 'mr.', 'sir', 'lord', 'king', 'prince', 'monsieur', 'herr'],
  female: ['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'lady', 'baroness', 'dame', 'queen', 'princess', 'madame'],
}
// Given to both men and women, read the other way in some countries (Nicola), or a family name
// written first (Kim Jong-un).
const AMBIGUOUS = new Set(`alex angel ariel ashley avery billie bobbie carey chris dana elisha frankie gale
  jackie jody kelly kim laurie lesley leslie lynn nicola riley sam sasha shannon stacey stacy terri toni
  tracey tracy val whitney`.split(/\s+/))

const lines = [
  '# First names and titles that tell a person\'s gender, for he/she agreement in speaker resolution.',
  '# One entry a line: male|female <TAB> word (lower case). A name or title not listed tells nothing.',
  '# Written by tools/quotes-lexicon/first-names.mjs: the titles are the project\'s; the first names',
  '# are those the compromise lexicon (compromise 14.17.0, MIT licence, copyright 2019 Spencer Kelly)',
  '# tags MaleName or FemaleName, less names given to both men and women ("Kelly", "Chris"), read the',
  '# other way in some countries ("Nicola") or written as a family name first ("Kim Jong-un").',
]
for (const [gender, words] of Object.entries(TITLES)) for (const w of words) lines.push(`${gender}\t${w}`)
const names = []
for (const [word, tag] of Object.entries(nlp.world().model.one.lexicon)) {
  const tags = Array.isArray(tag) ? tag : [tag]
  if (AMBIGUOUS.has(word)) continue
  if (tags.includes('MaleName')) names.push(`male\t${word}`)
  else if (tags.includes('FemaleName')) names.push(`female\t${word}`)
}
console.log(lines.concat(names.sort()).join('\n'))
