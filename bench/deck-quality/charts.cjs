// Tables shown as charts, and whether the PPTX export's charts hold the tables' numbers: the charts
// read back by POI (PptxChartCheck.java, on slide-service's runtime classpath) against each CHART
// slide's table (first column the categories, a total row may be left out; each value the number its
// cell writes, "1,234" for 1234, "(3.2)" for -3.2, a dash for none).
'use strict';
const path = require('path');
const { execFileSync } = require('child_process');
const { classpath } = require('./glyphs.cjs');

const SEP = '\u001f';

/** PPTX path → [{ slide, kind, categories, series: [[number|null]] }]. */
function readPptxCharts(pptxs) {
  const charts = new Map(pptxs.map(p => [p, []]));
  if (!pptxs.length) return charts;
  const out = execFileSync('java', ['-cp', classpath(), path.join(__dirname, 'PptxChartCheck.java'), ...pptxs],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  out.split('\n').filter(Boolean).forEach(line => {
    const [file, slide, kind, categories, ...series] = line.split('\t');
    (charts.get(file) || charts.set(file, []).get(file)).push({ slide: +slide, kind, categories: categories.split(SEP),
      series: series.map(s => s.split(SEP).map(v => (v === '' ? null : Number(v)))) });
  });
  return charts;
}

// The significant digits of a number, however it is written: "1,234.50" and 1234.5 both give "12345".
const digits = text => String(text).replace(/[^0-9]/g, '').replace(/^0+/, '').replace(/0+$/, '');
const blank = cell => /^\s*([-–—−.…x*]+|n\/?a|)\s*$/iu.test(cell || '');

/** Whether a chart read back holds the slide's table: its labels as categories, each cell's number as a value. */
function holdsTable(chart, table) {
  const body = table.slice(1).filter(r => !r.every(blank));
  const labels = body.map(r => (r[0] || '').trim());
  const n = chart.categories.length;
  if (!n || (n !== labels.length && n !== labels.length - 1) || chart.categories.some((c, i) => c !== labels[i])) return false;
  const columns = (table[0] || []).map((_, c) => c).slice(1).filter(c => !body.every(r => blank(r[c])));
  if (columns.length !== chart.series.length) return false;
  return chart.series.every((values, s) => values.length === n && values.every((v, i) => {
    const cell = body[i][columns[s]] || '';
    return v === null ? blank(cell) : digits(cell) === digits(Math.abs(v).toFixed(6));
  }));
}

/** Table and chart slides of a deck, and how many of its chart slides the PPTX shows as a chart of their table. */
function chartMetrics(deck, charts) {
  const slides = deck.slides || [];
  const chartSlides = slides.filter(s => s.layout === 'CHART');
  // The PPTX has a slide per deck slide, in the deck's order.
  const pptxCharts = charts ? chartSlides.filter(s => (charts.filter(c => c.slide === slides.indexOf(s)))
    .some(c => holdsTable(c, s.table || []))).length : null;
  return { tableSlides: slides.filter(s => s.layout === 'TABLE').length, chartSlides: chartSlides.length, pptxCharts };
}

module.exports = { readPptxCharts, chartMetrics, holdsTable };
