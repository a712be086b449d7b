// The deck-quality metrics on small decks and documents written here: each rule flags what it names
// and leaves a sound title or bullet alone. Run: node --test bench/deck-quality/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { documentOf, isHeading, locate } = require('./document.cjs');
const { measure } = require('./metrics.cjs');
const { wordCount } = require('./text.cjs');

const structure = {
  language: 'en',
  sections: [
    { title: 'Report', level: 0, blocks: [] },
    { title: '2.1 Risk and return: a primer', level: 1, pageStart: 1, blocks: [
      { kind: 'PARAGRAPH', text: 'Banks lend to firms when rates are low, unless regulators object. Markets clear.' },
      { kind: 'PARAGRAPH', text: 'This section should be about 400 words (more is fine).' },
      { kind: 'PARAGRAPH', text: 'Lenders fund projects, including bridges and schools. Lenders fund homes, which cost 300,000 on average.' },
      { kind: 'LIST', text: 'First item\nSecond item', items: ['First item', 'Second item'] },
      { kind: 'TABLE', text: 'Year | Rate', rows: [['Year', 'Rate'], ['2020', '1.5 percent'], ['2021', '2.5 percent']] },
    ] },
    { title: 'Chapter 3: Lending', level: 1, pageStart: 2, blocks: [] },
  ],
};
const doc = documentOf(structure);
const source = { documentId: 'd', page: 1 };
const slide = (index, title, bullets, extra = {}) => ({ index, title, layout: 'BULLETS',
  bullets: bullets.map(text => ({ text, source })), secondColumn: [], table: [], ...extra });

test('a title is a heading as written, without its numbering, its subtitle or its chapter prefix', () => {
  assert.ok(isHeading(doc, 'Risk and return: a primer'));
  assert.ok(isHeading(doc, 'Risk and return'));
  assert.ok(isHeading(doc, 'Lending'));
  assert.ok(!isHeading(doc, 'Rates, banks'));
});

test('a bullet that stops where its sentence goes on is cut, and a cut that drops a condition says so', () => {
  assert.deepStrictEqual(locate(doc, 'Banks lend to firms when rates are low, unless regulators object').where, 'complete');
  const cut = locate(doc, 'Banks lend to firms');
  assert.strictEqual(cut.where, 'cut');
  assert.ok(cut.condition, 'the rest says "when … unless"');
  assert.strictEqual(locate(doc, 'This section should be about 400 words').where, 'complete', 'an aside left out is not a cut');
  assert.strictEqual(locate(doc, 'First item').where, 'complete', 'a list item ends at its line');
  assert.strictEqual(locate(doc, 'Something the document never says').where, 'absent');
  assert.strictEqual(locate(doc, 'Lenders fund projects').where, 'shortened', 'only an aside is left out');
  assert.strictEqual(locate(doc, 'Lenders fund homes').where, 'cut', 'the aside holds a number');
  const quoted = documentOf({ language: 'en', sections: [{ title: 'Piracy', level: 1, blocks: [
    { kind: 'PARAGRAPH', text: 'There has been a war against \u201cpiracy.\u201d The contours are hard to sketch.' },
    { kind: 'PARAGRAPH', text: 'A short drive to the Wineries!do you want to step back in time?' }] }] });
  assert.strictEqual(locate(quoted, 'There has been a war against \u201cpiracy.\u201d').where, 'complete',
    'the sentence ends inside its closing quote');
  assert.strictEqual(locate(quoted, 'A short drive to the Wineries!').where, 'complete', 'an exclamation ends it, space or not');
  assert.strictEqual(locate(quoted, 'There has been a war').where, 'cut');
});

test('the deck metrics count phrase pairs, continuations, "Slide N", mid-clause bullets, markup and tables shown again', () => {
  const deck = { slides: [
    { index: 0, title: 'Deck', layout: 'TITLE', bullets: [], secondColumn: [], table: [] },
    slide(1, 'Risk and return', ['Banks lend to firms when rates are low, unless regulators object', 'Markets clear']),
    slide(2, 'Rates, banks', ['Banks lend to firms', 'Loans go to the', 'Use `npm test` to check this', 'Ratios of 0.123456789 were seen']),
    slide(3, 'Rates, banks (continued)', ['Lenders and borrowers meet in markets,'], { layout: 'TABLE', table: [['Year', 'Rate'], ['2020', '1.5 percent']] }),
    slide(4, 'Slide 4', ['2020 1.5 percent'], { secondColumn: [{ text: 'Rates were written down', source: null }] }),
  ] };
  const m = measure(doc, deck);
  assert.strictEqual(m.contentSlides, 4);
  assert.strictEqual(m.headingTitles, 1);
  assert.strictEqual(m.phrasePairTitles, 2);
  assert.strictEqual(m.continuedTitles, 1);
  assert.strictEqual(m.slideNTitles, 1);
  assert.strictEqual(m.midClause, 3, 'cut, dangling "the", trailing comma');
  assert.strictEqual(m.cutCondition, 1);
  assert.strictEqual(m.junk, 3, 'two words; backticks; float noise');
  assert.strictEqual(m.tablesTwice, 1, 'the 2020 row on slide 3 as a table and on slide 4 as a bullet');
  assert.strictEqual(m.unsourced, 1);
  assert.strictEqual(m.unsourcedRows, 1, 'a slide table without a tableSource');
  const cited = measure(doc, { slides: [deck.slides[0], slide(1, 'Rates', ['Banks lend to firms when rates are low'],
    { layout: 'TABLE', table: [['Year', 'Rate'], ['2020', '1.5 percent']], tableSource: { documentId: 'd', page: 2 } })] });
  assert.strictEqual(cited.unsourcedRows, 0, 'rows cite the table the slide names');
});

test('heading titles are counted against the slides the headings can title: fewer headings than slides', () => {
  // article-heading-levels.docx: three headings, the first the deck's title, and six content slides.
  const levels = documentOf({ language: 'en', sections: ['First paragraph', 'Second paragraph', 'Third paragraph']
    .map((title, i) => ({ title, level: i + 1, blocks: [{ kind: 'PARAGRAPH', text: 'Lorem ipsum dolor sit amet.' }] })) });
  const deck = { slides: [{ index: 0, title: 'First paragraph', layout: 'TITLE', bullets: [], secondColumn: [], table: [] },
    ...['Lorem ipsum', 'Second paragraph', 'Aliquam erat', 'Third paragraph', 'Sed non purus', 'Nulla arcu']
      .map((title, i) => slide(i + 1, title, ['Lorem ipsum dolor sit amet']))] };
  const m = measure(levels, deck);
  assert.strictEqual(m.headingTitles, 2);
  assert.strictEqual(m.headingSlots, 2, 'two headings besides the deck title, for six content slides');
  assert.strictEqual(measure(doc, { slides: [slide(1, 'Risk and return', ['Markets clear'])] }).headingSlots, 1);
});

test('coverage is the plain share of top-level sections and, for a talk longer than its deck, the share of its room', () => {
  // A 12-slide talk (a section a slide) in a deck of two content slides of two bullets and the takeaways of one.
  const talk = documentOf({ language: 'en', sections: Array.from({ length: 12 }, (_, i) => ({ title: `Topic ${'ABCDEFGHIJKL'[i]}`,
    level: 1, pageStart: i + 1, pageEnd: i + 1, blocks: [{ kind: 'PARAGRAPH', text: `Point ${i + 1} of the talk.` }] })) });
  const on = (index, title, pages, layout = 'BULLETS') => ({ index, title, layout, secondColumn: [], table: [],
    bullets: pages.map(page => ({ text: `Point ${page} of the talk`, source: { documentId: 'd', page } })) });
  const deck = { slides: [{ index: 0, title: 'Talk', layout: 'TITLE', bullets: [], secondColumn: [], table: [] },
    on(1, 'Agenda', [1, 3], 'AGENDA'), on(2, 'Topic A', [1, 2]), on(3, 'Topic C', [3, 5]), on(4, 'Key takeaways', [7], 'CLOSING')] };
  const m = measure(talk, deck);
  assert.strictEqual(m.sections, 12);
  assert.strictEqual(m.covered, 5, 'topics A, B, C, E and G: the agenda\'s title names none, its entries are not counted apart');
  assert.strictEqual(m.coverageRoom, 6, 'three spoken slides of at most two bullets');
  const titled = measure(talk, { slides: [deck.slides[0], on(1, 'Topic A', []), on(2, 'Topic B', [])] });
  assert.strictEqual(titled.coverageRoom, 2, 'a slide without bullets covers what its title names');
  const short = measure(doc, { slides: [slide(1, 'Risk and return', ['Markets clear', 'Banks lend to firms'])] });
  assert.strictEqual(short.coverageRoom, short.sections, 'no fewer than the sections when the deck has room for all');
});

test('words are counted in every script: a CJK character is half a word', () => {
  assert.strictEqual(wordCount('Banks lend to firms'), 4);
  assert.strictEqual(wordCount('日本語のテキスト'), 4);
  assert.strictEqual(wordCount('مرحلة المراهقة'), 2);
});

test('a PPTX chart holds its table when its categories are the labels and each value the number its cell writes', () => {
  const { holdsTable, chartMetrics } = require('./charts.cjs');
  const table = [['Region', '2023', '2024'], ['North', '$4.2m', '1,234'], ['South', '(3.1)', '-'], ['East', '2.40', '12.5 %'],
    ['Total', '3.5', '1,246.5']];
  const chart = { slide: 1, kind: 'COLUMN', categories: ['North', 'South', 'East'], series: [[4.2, -3.1, 2.4], [1234, null, 12.5]] };
  assert.ok(holdsTable(chart, table), 'a total row left out, a dash for no value');
  assert.ok(!holdsTable({ ...chart, series: [[4.2, -3.1, 2.4], [1234, 7, 12.5]] }, table), 'a value where the cell has none');
  assert.ok(!holdsTable({ ...chart, series: [[4.2, -3.1, 2.5], [1234, null, 12.5]] }, table), 'a wrong number');
  assert.ok(!holdsTable({ ...chart, categories: ['North', 'East', 'South'] }, table), 'categories out of order');
  const deck = { slides: [{ index: 0, layout: 'TABLE', table: [['a', 'b']] }, { index: 1, layout: 'CHART', table }] };
  assert.deepStrictEqual(chartMetrics(deck, [chart]), { tableSlides: 1, chartSlides: 1, pptxCharts: 1 });
  assert.deepStrictEqual(chartMetrics(deck, []), { tableSlides: 1, chartSlides: 1, pptxCharts: 0 });
  assert.deepStrictEqual(chartMetrics(deck, undefined), { tableSlides: 1, chartSlides: 1, pptxCharts: null });
});
