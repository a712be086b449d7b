// What the deck is compared with: the document as GET /api/v1/documents/{id}/structure answers it —
// its headings (every section of level > 0 with a title), its tables (TABLE blocks' rows) and its
// text, one line per block (paragraph, list item, table row), whitespace-normalised, for looking up
// where a bullet comes from and whether its sentence goes on past it.
'use strict';
const { squash, normalise, wordCount } = require('./text.cjs');

// A table's text is its cells, each a line of its own (its block text joins them with " | "), a list's
// its items; a line break inside any other block ends a line too (a slide's lines, a verse).
const blockLines = block => (block.kind === 'TABLE' && (block.rows || []).length
  ? [...block.rows.flat(), ...block.rows.map(r => r.join(' '))]
  : (block.items || []).length ? block.items : [block.text])
  .filter(Boolean).flatMap(t => String(t).split('\n'));

function documentOf(structure) {
  const sections = structure.sections || [];
  const headings = sections.filter(s => s.level > 0 && squash(s.title)).map(s => ({
    title: s.title, level: s.level, pageStart: s.pageStart, pageEnd: s.pageEnd, key: normalise(s.title),
    // "Chapter 1: Creators", "Risk — the view", "Talos (T)": each part on its own is the heading shortened.
    parts: squash(s.title).split(/\s*[:|]\s+|\s+[-–—]\s+|\.\s+|\s+(?=\()/).map(normalise).filter(Boolean),
  })).filter(h => h.key);
  const tables = sections.flatMap(s => s.blocks || []).filter(b => b.kind === 'TABLE' && (b.rows || []).length)
    .map(b => ({ rows: b.rows.map(r => normalise(r.join(' '))), cells: new Set(b.rows.flat().map(normalise)
      .filter(c => wordCount(c) >= 3 || c.length >= 12)) }));
  const lines = sections.flatMap(s => [s.title || '', ...(s.blocks || []).flatMap(blockLines)])
    .map(l => squash(l).toLowerCase()).filter(Boolean);
  const text = '\n' + lines.join('\n') + '\n';
  // Writers drop asides: "(r2>0.8)", "(2009)", "[2]". The text without them finds those bullets too.
  const withoutAsides = text.replace(/ ?\([^()\n]{0,80}\)/g, '').replace(/ ?\[[^\]\n]{0,40}\]/g, '');
  return { language: structure.language, title: structure.title, headings, tables, texts: [text, withoutAsides] };
}

/** True when a (normalised) title is one of the headings, or one shortened: its first words or one part. */
function isHeading(doc, title) {
  const t = normalise(title);
  if (!t) return false;
  return doc.headings.some(h => h.key === t || h.parts.includes(t) || (t.length >= 3 && h.key.startsWith(t + ' ')));
}

const SENTENCE_END = /[.!?。！？](\s|$)/u;
// What a cut may have dropped that changes the meaning: a condition, an alternative, an exception, a number.
const CONDITION = /(?<!\p{L})(if|unless|or|except|only|provided|until|when|wenn|falls|oder|außer|nur|si|sauf|ou|seulement|если|или|кроме|только|salvo|solo)(?!\p{L})|\p{Nd}/iu;
const FOOTNOTE = /\(?\[footnoteref:\d+\]\)?/giu;
const CITATION = /\[\d+(\s*[,–-]\s*\d+)*\]/gu; // "[2, 3]": a reference, not a number the point needs
// Where a sentence's main clause may end: before an aside (", including …", ", which …", "(…)", "[2]").
const CLAUSE_BOUNDARY = /^(,\s*(including|which|who|whose|where|such as|as well as|especially|particularly|notably|mainly|e\.g\.|i\.e\.|for example|for instance)\b|\(|\[\d)/iu;

/**
 * Where the bullet stands in the document's text: 'complete' when some occurrence ends where its
 * sentence (or block) ends, 'shortened' when it stops where an aside begins (", including …",
 * ", which …", a parenthesis or a citation) and the aside holds no condition or number, 'cut' with the
 * rest of the sentence when every occurrence goes on with more words otherwise, 'absent' when the text is not in the document word for word (a paraphrase or a label).
 */
function locate(doc, bullet) {
  const whole = squash(bullet).toLowerCase().replace(/(…|\.\.\.)$/u, '').replace(/[.;:!?]$/u, '').trim();
  // "Slide title: point" is the closing slide's form: its point is looked up alone too.
  const probes = [whole, ...(whole.includes(': ') ? [whole.slice(whole.indexOf(': ') + 2)] : [])].filter(p => p.length >= 4);
  for (const text of doc.texts) {
    for (const probe of probes) {
      const found = occurrences(text, probe);
      // A bullet that ends with its sentence's own mark inside a quote ("a war against “piracy.”") is whole.
      if (found.length && /[.!?。！？]["'”’»)\]]+$/u.test(probe)) return { where: 'complete' };
      if (found.length) return placeIn(text, found);
    }
  }
  return { where: 'absent' };
}

function placeIn(text, found) {
  let rest = null;
  for (const end of found) {
    const line = text.slice(end, text.indexOf('\n', end));
    // "… or the Wineries!do you want …": an exclamation or question ends its sentence even without a space.
    if (/^\s*[.!?。！？…;:]?["'”’»)\]]*\s*$/u.test(line) || /^[.!?。！？]["'”’»)\]]*(\s|$)/u.test(line)
      || /^[!?！？]\p{L}/u.test(line)) return { where: 'complete' };
    const sentence = line.split(SENTENCE_END)[0];
    // Only an aside left out ("… 400 words (more is fine).") is a sentence shortened, not cut.
    if (wordCount(sentence.replace(/^\s*\([^()]*\)/u, '')) < 1) return { where: 'complete' };
    rest = rest || sentence.trim();
  }
  const condition = CONDITION.test(rest.replace(FOOTNOTE, '').replace(CITATION, ''));
  // A main clause kept whole, with only an aside after it dropped, is a sentence shortened, not cut.
  return { where: CLAUSE_BOUNDARY.test(rest) && !condition ? 'shortened' : 'cut', rest, condition };
}

function occurrences(text, probe) {
  const ends = [];
  if (!probe) return ends;
  for (let i = text.indexOf(probe); i >= 0 && ends.length < 50; i = text.indexOf(probe, i + 1)) {
    const before = text[i - 1];
    if (!/[\p{L}\p{N}]/u.test(before) || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(probe[0])) ends.push(i + probe.length);
  }
  return ends;
}

module.exports = { documentOf, isHeading, locate };
