// Before against after: when deck-quality-before.json and deck-quality-after.json both exist, a
// table of every metric's total in each run with its goal, then the main metrics per document.
'use strict';
const fs = require('fs');
const path = require('path');
const { totals } = require('./totals.cjs');

const share = (n, d) => (d ? `${n}/${d} (${Math.round(100 * n / d)} %)` : '–');

const METRICS = [
  ['decks', t => t.file, ''],
  ['slides', t => t.slides, ''],
  ['overflowing slides', t => t.overflowing, '0'],
  ['content titles that are headings', t => share(t.headingTitles, t.headingSlots || t.headingContentSlides), '≥ 90 %'],
  ['phrase-pair titles', t => t.phrasePairTitles, '0'],
  ['"Slide N" titles', t => t.slideNTitles, '0'],
  ['continued titles', t => t.continuedTitles, '0'],
  ['bullets mid-clause', t => `${t.midClause} of ${t.bullets}`, '0'],
  ['… cut dropping a condition or number', t => t.cutCondition, '0'],
  ['bullets ending before an aside (", including …", not mid-clause)', t => t.shortened || 0, ''],
  ['fragments, code, markup', t => t.junk, '0'],
  ['tables twice', t => t.tablesTwice, '0'],
  ['unsourced bullets', t => t.unsourced, '0'],
  ['unsourced table rows', t => t.unsourcedRows, '0'],
  ['top-level sections covered', t => share(t.covered, t.sections), '≥ 90 %'],
  ['characters without a glyph in the PDF', t => t.noGlyph, '0'],
  ['deck characters missing from the PDF text', t => t.lostChars, '0'],
  ['words per bullet', t => t.wordsPerBullet.toFixed(1), ''],
  ['tables shown as charts', t => share(t.chartSlides || 0, (t.chartSlides || 0) + (t.tableSlides || 0)), ''],
  ['PPTX charts read back with their table\'s numbers', t => `${t.pptxCharts || 0} of ${t.chartSlides || 0}`, 'all'],
  ['duplicate titles / bullets', t => `${t.duplicateTitles} / ${t.duplicateBullets}`, '0'],
];

function perDocument(before, after) {
  const lines = ['| document | heading titles | pair / Slide N / continued titles | mid-clause bullets | fragments, code, markup | tables twice | sections covered | words per bullet |',
    '|---|---|---|---|---|---|---|---|'];
  const afterRows = new Map(after.rows.map(r => [r.file, r]));
  const cell = (r, f) => (!r ? 'not run' : r.skipped ? 'no deck' : f(r));
  const arrow = (b, a, f) => `${cell(b, f)} → ${cell(a, f)}`;
  for (const b of before.rows) {
    const a = afterRows.get(b.file);
    lines.push(`| ${b.file} | ${arrow(b, a, r => (r.headingTitles === null ? '–' : share(r.headingTitles, r.headingSlots || r.contentSlides)))} | ` +
      `${arrow(b, a, r => `${r.phrasePairTitles}/${r.slideNTitles}/${r.continuedTitles}`)} | ${arrow(b, a, r => r.midClause)} | ` +
      `${arrow(b, a, r => r.junk)} | ${arrow(b, a, r => r.tablesTwice)} | ${arrow(b, a, r => share(r.covered, r.sections))} | ` +
      `${arrow(b, a, r => r.wordsPerBullet.toFixed(1))} |`);
  }
  return lines.join('\n');
}

function compare(out) {
  const file = label => path.join(out, `deck-quality-${label}.json`);
  if (!fs.existsSync(file('before')) || !fs.existsSync(file('after'))) return null;
  const read = label => {
    const rows = JSON.parse(fs.readFileSync(file(label), 'utf8'));
    return { rows, totals: totals(rows) };
  };
  const before = read('before');
  const after = read('after');
  const md = ['| metric (all decks) | before | after | goal |', '|---|---:|---:|---|',
    ...METRICS.map(([name, f, goal]) => `| ${name} | ${f(before.totals)} | ${f(after.totals)} | ${goal} |`),
    '', perDocument(before, after), ''].join('\n');
  fs.writeFileSync(path.join(out, 'deck-quality-comparison.md'), md);
  return md;
}

module.exports = { compare };
