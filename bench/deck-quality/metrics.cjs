// The deck-quality metrics of one deck (its JSON as GET /api/v1/decks/{id} answers it) against its
// document (document.cjs). Title metrics look at content slides (every layout but TITLE, AGENDA and
// CLOSING); bullet metrics at the bullets of content and closing slides (the agenda's entries are the
// slide titles again; the title slide's line is the document's title); code and markup anywhere a
// person reads it (titles, every bullet, table cells).
'use strict';
const { squash, normalise, wordCount, functionWords } = require('./text.cjs');
const { isHeading, locate } = require('./document.cjs');

const FRAME = new Set(['TITLE', 'AGENDA', 'CLOSING']);
const CONTINUED = /\s*\((continued|cont\.?|cont['’]d|fortsetzung|suite|продолжение|\d+)\)\s*$/iu;
const SLIDE_N = /^(slide|folie|diapositive|слайд)\s*\d+$/iu;

const bulletsOf = s => [...(s.bullets || []), ...(s.secondColumn || [])];

/** Two short phrases joined by a comma, as a key-phrase extractor pairs them: "Lakes, Finger". */
function isPhrasePair(doc, title) {
  const parts = squash(title).replace(CONTINUED, '').split(',').map(p => p.trim());
  return parts.length === 2 && parts.every(p => /^[\p{L}\p{N}'’ -]+$/u.test(p) && wordCount(p) >= 0.5 && wordCount(p) <= 3)
    && !doc.headings.some(h => h.key === normalise(title.replace(CONTINUED, '')));
}

function unmatched(whole) {
  const text = whole.replace(/^[\p{L}\p{N}]{1,3}\)\s/u, ''); // "1) ", "b) ": a list's numbering
  const count = re => (text.match(re) || []).length;
  return count(/\(/g) !== count(/\)/g) || count(/\[/g) !== count(/\]/g) || count(/\{/g) !== count(/\}/g)
    || count(/“/g) !== count(/”/g) || count(/«/g) !== count(/»/g) || count(/"/g) % 2 === 1;
}

/** Why a bullet ends mid-clause (an empty list when it does not). */
function midClause(doc, words, text) {
  const t = squash(text);
  const why = [];
  if (/(…|\.\.\.)$/u.test(t)) why.push('ellipsis');
  if (/[,;:\-–—،؛、，：]$/u.test(t)) why.push('punctuation');
  const last = t.split(' ').pop().replace(/["'”’»)]+$/u, '').toLowerCase(); // "well-being" is not "being"
  if (!/[.!?]$/u.test(t) && words.has(last)) why.push('function word');
  if (unmatched(t)) why.push('bracket or quote');
  const place = locate(doc, t);
  if (place.where === 'cut') why.push(place.condition ? 'cut, dropping a condition or number' : 'cut');
  return { why, place };
}

const CODE = [/[{}]/, /;\s*$/, /\bpublic\s+static\b/, /\w\(\)/];
const MARKUP = [/\*\*/, /`/, /^\s*#/, /\[footnoteRef:/i, /\]\(/, /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i,
  /^\s*\|.*\|\s*$/, /\|\s*:?-{3,}/, // a Markdown table's row or rule
  /^\s*>\s/, /\[![a-z]+\]/i]; // a Markdown quote, a GitHub admonition ("> [!NOTE]")
const NOISE = /\d\.\d{8,}/;

function junk(text, asBullet) {
  const why = [];
  if (asBullet && wordCount(text) < 3) why.push('fragment');
  if (CODE.some(re => re.test(text))) why.push('code');
  if (MARKUP.some(re => re.test(text))) why.push('markup');
  if (NOISE.test(text)) why.push('float noise');
  return why;
}

/**
 * Tables shown again: slides that show a table row an earlier slide showed — a row of the slide's own
 * table, or a row (below its header) or a longer cell of a document table shown as a bullet.
 * A table split over two slides (different rows) is not counted.
 */
function tablesShownAgain(doc, slides) {
  const bodyRows = new Set(doc.tables.flatMap(t => t.rows.slice(1)));
  const cells = new Set(doc.tables.flatMap(t => [...t.cells].filter(c => t.rows.slice(1).some(r => r.includes(c)))));
  const shown = new Set();
  let again = 0;
  for (const s of slides) {
    const rows = [...(s.table || []).slice(1).map(r => normalise(r.join(' '))),
      ...bulletsOf(s).map(b => normalise(b.text)).filter(t => bodyRows.has(t) || cells.has(t))].filter(Boolean);
    if (rows.some(r => shown.has(r))) again++;
    rows.forEach(r => shown.add(r));
  }
  return again;
}

function coverage(doc, slides) {
  const top = doc.headings.length ? Math.min(...doc.headings.map(h => h.level)) : 0;
  const tops = doc.headings.filter(h => h.level === top);
  const titles = slides.map(s => normalise(s.title.replace(CONTINUED, '')));
  const pages = slides.flatMap(bulletsOf).map(b => b.source && b.source.page).filter(p => p);
  const covered = tops.filter(h => titles.some(t => t === h.key || (h.key.length > 3 && t.includes(h.key)) ||
      (t.length > 3 && h.key.includes(t)))
    || (h.pageStart > 0 && pages.some(p => p >= h.pageStart && p <= (h.pageEnd || h.pageStart)))).length;
  return { sections: tops.length, covered, coverageRoom: Math.min(tops.length, Math.max(covered, room(slides))) };
}

/**
 * How many top-level sections the deck could cover at most: its spoken slides (all but the title and the
 * agenda) times the most bullets one of them shows (one, for a slide of a table or chart: its title), each
 * citing one page. A 45-slide talk in a 10-slide deck of 4 bullets a slide has room for 32. Titles naming
 * several headings can cover more: what a deck did cover, it had room for.
 */
function room(slides) {
  const spoken = spokenSlides(slides);
  return spoken.length * Math.max(1, ...spoken.map(s => bulletsOf(s).length));
}

function duplicates(values) {
  const seen = new Map();
  values.forEach(v => seen.set(v, (seen.get(v) || 0) + 1));
  return [...seen.values()].reduce((n, c) => n + (c > 1 ? c - 1 : 0), 0);
}

const spokenSlides = slides => slides.filter(s => s.layout !== 'TITLE' && s.layout !== 'AGENDA');

function titleMetrics(doc, slides, note) {
  const content = slides.filter(s => !FRAME.has(s.layout));
  const headingTitles = content.filter(s => isHeading(doc, s.title.replace(CONTINUED, '')));
  if (doc.headings.length) content.filter(s => !headingTitles.includes(s)).forEach(s => note('title not a heading', s.index, s.title, []));
  const pairs = slides.filter(s => s.layout !== 'TITLE' && isPhrasePair(doc, s.title));
  const numbered = slides.filter(s => SLIDE_N.test(squash(s.title)));
  const continued = slides.filter(s => CONTINUED.test(s.title));
  pairs.forEach(s => note('phrase-pair title', s.index, s.title, []));
  numbered.forEach(s => note('"Slide N" title', s.index, s.title, []));
  continued.forEach(s => note('continuation title', s.index, s.title, []));
  // A document with fewer headings than content slides can title only as many slides by them (each once, the
  // deck's own title aside): the share is of those, not of every content slide.
  const deckTitle = normalise((slides.find(s => s.layout === 'TITLE') || { title: '' }).title);
  const headingKeys = new Set(doc.headings.map(h => h.key).filter(k => k !== deckTitle));
  return { contentSlides: content.length, headingTitles: doc.headings.length ? headingTitles.length : null,
    headingSlots: doc.headings.length ? Math.min(content.length, headingKeys.size) : null,
    phrasePairTitles: pairs.length, slideNTitles: numbered.length, continuedTitles: continued.length };
}

function bulletMetrics(doc, slides, note) {
  const words = functionWords(doc.language);
  const m = { midClause: 0, cutCondition: 0, shortened: 0, notInDocument: 0 };
  spokenSlides(slides).forEach(s => bulletsOf(s).forEach(b => {
    const { why, place } = midClause(doc, words, b.text);
    if (place.where === 'absent') m.notInDocument++;
    if (place.where === 'shortened') m.shortened++;
    if (why.length) {
      m.midClause++;
      note('mid-clause bullet', s.index, b.text, place.rest ? [...why, 'goes on: ' + place.rest.slice(0, 80)] : why);
    }
    if (why.some(w => w.includes('condition'))) m.cutCondition++;
  }));
  return m;
}

function junkMetrics(slides, note) {
  let count = 0;
  slides.forEach(s => {
    const asBullet = s.layout !== 'TITLE' && s.layout !== 'AGENDA';
    bulletsOf(s).forEach(b => {
      const why = junk(b.text, asBullet);
      if (why.length) { count++; note('fragment, code or markup', s.index, b.text, why); }
    });
    [s.title, ...(s.table || []).flat()].forEach(text => {
      const why = junk(text || '', false);
      if (why.length) { count++; note('code or markup in a title or cell', s.index, text, why); }
    });
  });
  return count;
}

function measure(doc, deck) {
  const slides = deck.slides || [];
  const spoken = spokenSlides(slides).flatMap(bulletsOf);
  const all = slides.flatMap(bulletsOf);
  const flagged = [];
  const note = (kind, slide, text, why) => flagged.push({ kind, slide, text, why });
  return {
    slides: slides.length, ...titleMetrics(doc, slides, note),
    bullets: spoken.length, ...bulletMetrics(doc, slides, note), junk: junkMetrics(slides, note),
    tablesTwice: tablesShownAgain(doc, slides),
    unsourced: all.filter(b => !b.source || !b.source.documentId).length,
    // A table's rows cite the slide's tableSource (where the table stands in its document); without one,
    // every row below the header is unsourced.
    unsourcedRows: slides.reduce((n, s) => n + (s.tableSource && s.tableSource.documentId ? 0
      : Math.max(0, (s.table || []).length - 1)), 0),
    duplicateTitles: duplicates(slides.map(s => normalise(s.title))),
    duplicateBullets: duplicates(all.map(b => normalise(b.text))),
    wordsPerBullet: spoken.length ? spoken.reduce((n, b) => n + wordCount(b.text), 0) / spoken.length : 0,
    ...coverage(doc, slides),
    flagged,
  };
}

module.exports = { measure };
