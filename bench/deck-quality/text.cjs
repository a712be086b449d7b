// Text helpers of the deck-quality report: normalising titles and headings for comparison, counting
// words the same way in every script (a CJK character is half a word: Chinese and Japanese average
// about two characters a word), and the short function words a complete clause does not end on.
'use strict';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Whitespace collapsed, NFKC (ligatures, full-width forms), trimmed. */
const squash = s => (s || '').normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Lower case, without leading numbering ("2.1", "IV.", "A-3.", "Chapter 4:") and without punctuation. */
function normalise(s) {
  return squash(s).toLowerCase()
    .replace(/^(chapter|section|part|kapitel|chapitre|глава)\s+[\divxlc]+\b[.:]?\s*/u, '')
    .replace(/^(\d+(\.\d+)*|[ivxlc]+|[a-z](-\d+)?)[.):]\s+/u, '')
    .replace(/^\d+(\.\d+)*\s+/u, '')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ').trim();
}

/** Words: whitespace-separated tokens with a letter or digit, plus half the CJK characters. */
function wordCount(s) {
  const text = squash(s);
  const cjk = (text.match(CJK_ALL) || []).length;
  const tokens = text.replace(CJK_ALL, ' ').split(' ').filter(t => /[\p{L}\p{N}]/u.test(t)).length;
  return tokens + cjk / 2;
}

/** Function words a sentence cut mid-clause ends on, per language (the document's, English as well). */
const FUNCTION_WORDS = {
  // ("this", "these", "those" end a clause as pronouns, so they are not listed.)
  en: `the a an of to and or but nor in on at by for with from into onto upon that which who whom whose
    is are was were be been being has have had will would shall should can could may might must not as
    than its their his her our your my if when while because unless whether so such
    very about after before between through under over per via including e.g. i.e. such than`,
  // German ends a clause on its verb ("… wiederverwertet werden"): articles, prepositions, conjunctions only.
  de: `der die das den dem des ein eine einen einem einer und oder aber zu von mit für im in auf an bei
    aus als dass wie durch über unter nach vor zum zur`,
  fr: `le la les l de du des d et ou mais à au aux en un une pour par avec que qui est sont dans sur ce
    cette ces son sa ses leur leurs ne pas plus comme`,
  ru: `и в во на с со по для от к ко из что как или а но не о об у за при до это его её их`,
  es: `el la los las de del y o pero a al en un una para por con que es son se su sus`,
};

function functionWords(language) {
  const words = new Set(FUNCTION_WORDS.en.split(/\s+/).filter(Boolean));
  const own = FUNCTION_WORDS[(language || '').slice(0, 2)];
  if (own) own.split(/\s+/).filter(Boolean).forEach(w => words.add(w));
  return words;
}

module.exports = { CJK, squash, normalise, wordCount, functionWords };
