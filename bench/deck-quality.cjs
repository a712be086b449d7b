// The deck-quality report's driver (run it through bench/deck-quality.sh): for every non-hostile
// document of the corpus manifest, through the running suite's gateway, it uploads the document,
// asks for a plan, writes the deck and keeps what the product answered (the deck's JSON, the
// document's /structure, the HTML, PPTX and PDF exports) under raw[-<label>]/. It measures overflow
// there (headless Chromium on the HTML, shared-design's fonts on the PPTX text frames), then the
// report (deck-quality/report.cjs) measures the decks' content from those files alone, so a metric can
// be refined later by re-reading the saved decks (DECK_QUALITY_REPORT_ONLY=1) instead of re-running.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { GATEWAY, token, call, until } = require('./deck-quality/api.cjs');
const report = require('./deck-quality/report.cjs');

const env = process.env;
const CORPUS = env.SLIDEO_CORPUS;
const OUT = env.DECK_QUALITY_OUT;
const LABEL = env.DECK_QUALITY_LABEL || '';
const RAW = path.join(OUT, LABEL ? `raw-${LABEL}` : 'raw');
const SLIDES = parseInt(env.DECK_QUALITY_SLIDES || '10', 10);
const THEME = env.DECK_QUALITY_THEME || '';
const PARALLEL = parseInt(env.DECK_QUALITY_PARALLEL || '3', 10);
const ONLY = (env.DECK_QUALITY_ONLY || '').split(',').filter(Boolean);
const RUN = crypto.randomBytes(4).toString('hex');

function manifest() {
  const lines = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const head = lines[0].split('\t');
  return lines.slice(1).map(l => Object.fromEntries(l.split('\t').map((v, i) => [head[i], v])))
    .filter(d => !d.file.startsWith('hostile/'))
    .filter(d => ONLY.length === 0 || ONLY.includes(d.file));
}

async function deck(doc) {
  const user = `deck-quality-${RUN}-${doc.file.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  const auth = token(user);
  const started = Date.now();
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(path.join(CORPUS, doc.file))]), doc.file);
  const uploaded = await call(auth, 'POST', '/api/v1/documents', form);
  const document = await until(`extraction of ${doc.file}`, 600, async () => {
    const d = await call(auth, 'GET', `/api/v1/documents/${uploaded.id}`);
    return d.status === 'uploaded' ? null : d;
  });
  if (document.status !== 'extracted') {
    return { file: doc.file, skipped: `not extracted: ${document.errorCode || document.status}` };
  }
  const plan = await call(auth, 'POST', '/api/v1/plans', { documentIds: [uploaded.id], slideCount: SLIDES,
    description: 'A briefing on this document', ...(THEME ? { themeId: THEME } : {}) });
  await until(`plan of ${doc.file}`, 300, async () => (await call(auth, 'GET', `/api/v1/plans/${plan.id}`)).status === 'ready');
  // content-service marks the plan ready before slide-service has read deck.planned: wait for the deck.
  await until(`deck ${plan.id} in slide-service`, 60, async () =>
    (await call(auth, 'GET', `/api/v1/decks/${plan.id}`, null, { expect: [200, 404] })).id);
  await call(auth, 'POST', `/api/v1/decks/${plan.id}/generations`, {});
  const written = await until(`deck of ${doc.file}`, 600, async () => {
    const d = await call(auth, 'GET', `/api/v1/decks/${plan.id}`);
    return d.status === 'complete' ? d : null;
  });
  const seconds = (Date.now() - started) / 1000;
  const base = report.rawBase(RAW, doc.file);
  for (const format of ['html', 'pptx', 'pdf']) {
    fs.writeFileSync(`${base}.${format}`, await call(auth, 'GET', `/api/v1/decks/${plan.id}/export?format=${format}`, null, { raw: true }));
  }
  fs.writeFileSync(`${base}.deck.json`, JSON.stringify(written, null, 1));
  fs.writeFileSync(`${base}.structure.json`, JSON.stringify(await call(auth, 'GET', `/api/v1/documents/${uploaded.id}/structure`)));
  return { file: doc.file, deckId: plan.id, documentId: uploaded.id, base, seconds };
}

async function pool(items, size, work) {
  const results = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = await work(items[i]);
      } catch (e) {
        results[i] = { file: items[i].file, skipped: 'error: ' + e.message.slice(0, 200) };
      }
      process.stderr.write(`deck-quality: ${items[i].file}: ${results[i].skipped || 'done in ' + results[i].seconds + ' s'}\n`);
    }
  });
  await Promise.all(runners);
  return results;
}

/** Overflow of every made deck: Chromium on the HTML export, shared-design's fonts on the PPTX frames. */
function measureOverflow(made) {
  if (!made.length) return;
  const browser = execFileSync('node', [path.join(__dirname, 'export-browser-check.cjs'),
    ...made.map(r => r.base + '.html')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const htmlReports = new Map(browser.split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l))
    .map(r => [r.file, r]));
  const pptx = execFileSync('java', ['-cp', env.PPTX_CHECK_CLASSPATH,
    'io.slideo.slide.service.export.PptxFrameCheck', ...made.map(r => r.base + '.pptx')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pptxOver = new Map();
  pptx.split('\n').filter(Boolean).forEach(line => {
    const [file, slide, , over] = line.split('\t');
    if (parseInt(over, 10) > 0) {
      if (!pptxOver.has(file)) pptxOver.set(file, new Set());
      pptxOver.get(file).add(parseInt(slide, 10));
    }
  });
  for (const r of made) {
    const html = htmlReports.get(r.base + '.html') || { overflowing: [], slides: 0, visible: 0, requests: [] };
    Object.assign(r, { htmlOverflow: html.overflowing, pptxOverflow: [...(pptxOver.get(r.base + '.pptx') || [])],
      shown: html.visible, requests: html.requests.length });
  }
}

async function main() {
  const docs = manifest();
  if (!env.DECK_QUALITY_REPORT_ONLY) {
    fs.mkdirSync(RAW, { recursive: true });
    process.stderr.write(`deck-quality: ${docs.length} documents through ${GATEWAY}, ${SLIDES} slides each, into ${RAW}\n`);
    const results = await pool(docs, PARALLEL, deck);
    measureOverflow(results.filter(r => !r.skipped));
    fs.writeFileSync(path.join(RAW, 'runs.json'), JSON.stringify(results.map(({ base, ...r }) => r), null, 1));
  }
  console.log(report.write({ out: OUT, raw: RAW, label: LABEL, files: docs.map(d => d.file) }));
}

main().catch(e => { console.error(e.stack || String(e)); process.exit(1); });
