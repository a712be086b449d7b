// The deck-quality report from the files the driver kept (raw[-<label>]/): every deck measured
// against its document (metrics.cjs), the PDF read back (glyphs.cjs), overflow as the driver measured
// it. Writes deck-quality[-<label>].{json,tsv,md}, the flagged slides and bullets
// (deck-quality[-<label>]-flagged.md), every deck as Markdown (decks/<document>.md) and, when both a
// "before" and an "after" run exist, their comparison (deck-quality-comparison.md).
'use strict';
const fs = require('fs');
const path = require('path');
const { documentOf } = require('./document.cjs');
const { measure } = require('./metrics.cjs');
const { readPdfs, unseen } = require('./glyphs.cjs');
const { readPptxCharts, chartMetrics } = require('./charts.cjs');
const { deckMarkdown } = require('./decks-markdown.cjs');
const { compare } = require('./comparison.cjs');
const { COLUMNS, totals } = require('./totals.cjs');

const rawBase = (raw, file) => path.join(raw, file.replace(/[^a-z0-9.]+/gi, '-'));
const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const pct = (n, d) => (d ? `${n}/${d} (${Math.round(100 * n / d)} %)` : '–');

function measureAll(raw, files, decksDir, label) {
  const runs = new Map(readJson(path.join(raw, 'runs.json')).map(r => [r.file, r]));
  const made = files.filter(f => runs.has(f) && !runs.get(f).skipped);
  const pdfs = readPdfs(made.map(f => rawBase(raw, f) + '.pdf').filter(p => fs.existsSync(p)));
  const pptxCharts = readPptxCharts(made.map(f => rawBase(raw, f) + '.pptx').filter(p => fs.existsSync(p)));
  fs.mkdirSync(decksDir, { recursive: true });
  return files.filter(f => runs.has(f)).map(file => {
    const run = runs.get(file);
    if (run.skipped) return { file, skipped: run.skipped };
    const base = rawBase(raw, file);
    const deck = readJson(base + '.deck.json');
    const doc = documentOf(readJson(base + '.structure.json'));
    fs.writeFileSync(path.join(decksDir, path.basename(base) + '.md'), deckMarkdown(file, deck, label));
    const overflowing = new Set([...run.htmlOverflow.map(o => o.slide), ...run.pptxOverflow]).size;
    const glyphs = unseen(deck, pdfs.get(base + '.pdf'));
    return { file, deckId: run.deckId, seconds: run.seconds, overflowing, htmlOverflow: run.htmlOverflow,
      pptxOverflow: run.pptxOverflow, shown: run.shown, requests: run.requests, ...measure(doc, deck),
      noGlyph: glyphs ? glyphs.withoutGlyph : null, lostChars: glyphs ? glyphs.lost : null, glyphs,
      ...chartMetrics(deck, pptxCharts.get(base + '.pptx')) };
  });
}

// The plain share, then the share of what the deck had room for when that is fewer sections.
const covered = r => pct(r.covered, r.sections) + (r.coverageRoom && r.coverageRoom < r.sections ? `; ${pct(r.covered, r.coverageRoom)} of room` : '');

function markdownRow(r, total = false) {
  const b = s => (total ? `**${s}**` : s);
  const headings = total ? pct(r.headingTitles, r.headingSlots)
    : r.headingTitles === null ? 'no headings' : pct(r.headingTitles, r.headingSlots);
  return `| ${b(r.file)} | ${r.slides} | ${r.overflowing} | ${headings} | ${r.phrasePairTitles} / ${r.slideNTitles} / ${r.continuedTitles} | ` +
    `${r.midClause} (${r.cutCondition}) of ${r.bullets} | ${r.junk} | ${r.tablesTwice} | ${r.unsourced} / ${r.unsourcedRows} | ` +
    `${r.sections ? covered(r) : 'no headings'} | ${r.noGlyph === null ? '–' : r.noGlyph}` +
    `${r.lostChars ? (total ? ` (+${r.lostChars} lost)` : ` (lost: ${r.lostChars})`) : ''} | ${r.wordsPerBullet.toFixed(1)} | ` +
    `${r.chartSlides || 0} of ${(r.chartSlides || 0) + (r.tableSlides || 0)} / ${r.pptxCharts === null || r.pptxCharts === undefined ? '–' : r.pptxCharts} |`;
}

const HEADER = ['| document | slides | overflowing | content titles that are headings, of those its headings can title (≥ 90 %) | phrase-pair / "Slide N" / continued titles (0) | ' +
  'bullets mid-clause (of them cut dropping a condition or number) (0) | fragments, code, markup (0) | tables twice (0) | ' +
  'unsourced bullets / table rows (0) | top-level sections covered; of those the deck has room for, when fewer (≥ 90 %) | characters without a glyph in the PDF (0) | words per bullet | ' +
  'tables shown as charts / PPTX charts read back with the table\'s numbers (= charts) |',
'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];

function flaggedMarkdown(rows) {
  const lines = ['# What the deck-quality metrics flagged', ''];
  for (const r of rows.filter(r => !r.skipped && r.flagged.length)) {
    lines.push(`## ${r.file}`, '');
    r.flagged.forEach(f => lines.push(`- slide ${f.slide + 1}, ${f.kind}: “${f.text}”${f.why.length ? ` — ${f.why.join('; ')}` : ''}`));
    lines.push('');
  }
  return lines.join('\n');
}

function write({ out, raw, label, files }) {
  const name = label ? `deck-quality-${label}` : 'deck-quality';
  const rows = measureAll(raw, files, path.join(out, 'decks'), label);
  const total = totals(rows);
  // An array of rows, as DeckQualityIT reads it; the totals are computed again from it.
  fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(rows, null, 1));
  const tsv = [[...COLUMNS, 'note'].join('\t'), ...rows.map(r => (r.skipped ? [r.file, ...COLUMNS.slice(1).map(() => ''), r.skipped]
    : [...COLUMNS.map(k => (k === 'wordsPerBullet' ? r[k].toFixed(1) : r[k] === null ? '' : r[k])), r.shown === r.slides ? '' : `shown ${r.shown}`]).join('\t')),
  [...COLUMNS.map(k => (k === 'wordsPerBullet' ? total[k].toFixed(1) : total[k])), 'total'].join('\t')];
  fs.writeFileSync(path.join(out, `${name}.tsv`), tsv.join('\n') + '\n');
  const md = [...HEADER, ...rows.map(r => (r.skipped ? `| ${r.file} | – | – | – | – | – | – | – | – | – | – | ${r.skipped} |` : markdownRow(r))),
    markdownRow(total, true)].join('\n') + '\n';
  fs.writeFileSync(path.join(out, `${name}.md`), md);
  fs.writeFileSync(path.join(out, `${name}-flagged.md`), flaggedMarkdown(rows));
  const comparison = compare(out);
  return md + (comparison ? '\n' + comparison : '');
}

module.exports = { rawBase, write };
