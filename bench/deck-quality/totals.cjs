// The report's columns and its totals over every deck (heading titles only over documents with headings).
'use strict';

const COLUMNS = ['file', 'slides', 'overflowing', 'unsourced', 'unsourcedRows', 'contentSlides', 'headingTitles', 'headingSlots',
  'phrasePairTitles', 'slideNTitles', 'continuedTitles', 'bullets', 'midClause', 'cutCondition', 'shortened', 'junk', 'tablesTwice',
  'covered', 'sections', 'coverageRoom', 'noGlyph', 'lostChars', 'wordsPerBullet', 'duplicateTitles', 'duplicateBullets', 'notInDocument',
  'tableSlides', 'chartSlides', 'pptxCharts'];

function totals(rows) {
  const decks = rows.filter(r => !r.skipped);
  const sum = (k, of = decks) => of.reduce((n, r) => n + (r[k] || 0), 0);
  const withHeadings = decks.filter(r => r.headingTitles !== null);
  const t = Object.fromEntries(COLUMNS.slice(1).map(k => [k, sum(k)]));
  return { ...t, file: `${decks.length} decks`, headingTitles: sum('headingTitles', withHeadings),
    headingContentSlides: sum('contentSlides', withHeadings), headingSlots: sum('headingSlots', withHeadings), lostChars: decks.map(r => r.lostChars || '').join('').length,
    wordsPerBullet: t.bullets ? decks.reduce((n, r) => n + r.wordsPerBullet * r.bullets, 0) / t.bullets : 0 };
}

module.exports = { COLUMNS, totals };
