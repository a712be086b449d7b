// The deck-quality report's driver (run it through bench/deck-quality.sh): for every non-hostile
// document of the corpus manifest, through the running suite's gateway, it uploads the document,
// asks for a plan, writes the deck, exports it as HTML and PPTX, then measures: overflow in headless
// Chromium (elements outside their slide, frames that scroll) and in the PPTX (text frames measured
// with shared-design's fonts), bullets without a source, duplicate titles and bullets, words per
// bullet and the share of the document's top-level sections the deck covers.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');

const env = process.env;
const GATEWAY = env.SLIDEO_GATEWAY_URL || 'http://127.0.0.1:8080';
const CORPUS = env.SLIDEO_CORPUS;
const OUT = env.DECK_QUALITY_OUT;
const SLIDES = parseInt(env.DECK_QUALITY_SLIDES || '10', 10);
const THEME = env.DECK_QUALITY_THEME || '';
const PARALLEL = parseInt(env.DECK_QUALITY_PARALLEL || '3', 10);
const ONLY = (env.DECK_QUALITY_ONLY || '').split(',').filter(Boolean);
const RUN = crypto.randomBytes(4).toString('hex');

function token(user) {
  const b64 = v => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = b64({ alg: 'HS256', typ: 'JWT' }) + '.' + b64({ sub: user, iss: env.SLIDEO_JWT_ISSUER || 'slideo-dev',
    aud: env.SLIDEO_JWT_AUDIENCE || 'authenticated', iat: now - 5, exp: now + 4 * 3600, role: 'authenticated' });
  return input + '.' + crypto.createHmac('sha256', env.SLIDEO_JWT_SECRET).update(input).digest('base64url');
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function call(auth, method, url, body, { raw = false, expect = [200, 201, 202] } = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = { Authorization: 'Bearer ' + auth };
    let payload = body;
    if (body && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(GATEWAY + url, { method, headers, body: payload });
    if (response.status === 429 && attempt < 20) {
      await sleep(1000 * (parseInt(response.headers.get('retry-after') || '2', 10) || 2));
      continue;
    }
    if (!expect.includes(response.status)) {
      const text = await response.text();
      const error = new Error(`${method} ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
      error.status = response.status;
      error.body = text;
      throw error;
    }
    return raw ? Buffer.from(await response.arrayBuffer()) : response.json();
  }
}

async function until(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not done after ${seconds} s`);
    await sleep(750);
  }
}

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
  const base = path.join(OUT, doc.file.replace(/[^a-z0-9.]+/gi, '-'));
  fs.writeFileSync(base + '.html', await call(auth, 'GET', `/api/v1/decks/${plan.id}/export?format=html`, null, { raw: true }));
  fs.writeFileSync(base + '.pptx', await call(auth, 'GET', `/api/v1/decks/${plan.id}/export?format=pptx`, null, { raw: true }));
  const structure = await call(auth, 'GET', `/api/v1/documents/${uploaded.id}/structure`);
  return { file: doc.file, deckId: plan.id, deck: written, structure, html: base + '.html', pptx: base + '.pptx',
    seconds: (Date.now() - started) / 1000 };
}

const norm = s => (s || '').toLowerCase().replace(/\s+/g, ' ').trim();
const words = s => (s || '').trim().split(/\s+/).filter(Boolean).length;
const baseTitle = t => norm(t).replace(/ \((continued|\d+)\)$/, '');

function contentMetrics(result) {
  const slides = result.deck.slides;
  const bullets = slides.flatMap(s => [...(s.bullets || []), ...(s.secondColumn || [])]);
  const count = (values) => {
    const seen = new Map();
    values.forEach(v => seen.set(v, (seen.get(v) || 0) + 1));
    return [...seen.values()].reduce((n, c) => n + (c > 1 ? c - 1 : 0), 0);
  };
  const sections = (result.structure.sections || []).filter(s => s.level > 0 && (s.title || '').trim());
  const top = sections.length ? Math.min(...sections.map(s => s.level)) : 0;
  const tops = sections.filter(s => s.level === top);
  const titles = slides.map(s => baseTitle(s.title));
  const pages = bullets.map(b => b.source && b.source.page).filter(p => p);
  const covered = tops.filter(s => {
    const heading = norm(s.title);
    if (heading && titles.some(t => t === heading || (heading.length > 3 && t.includes(heading)) ||
        (t.length > 3 && heading.includes(t)))) return true;
    return s.pageStart > 0 && pages.some(p => p >= s.pageStart && p <= (s.pageEnd || s.pageStart));
  }).length;
  return {
    slides: slides.length,
    unsourced: bullets.filter(b => !b.source || !b.source.documentId).length,
    duplicateTitles: count(slides.map(s => norm(s.title))),
    duplicateBullets: count(bullets.map(b => norm(b.text))),
    bullets: bullets.length,
    wordsPerBullet: bullets.length ? bullets.reduce((n, b) => n + words(b.text), 0) / bullets.length : 0,
    sections: tops.length,
    covered,
  };
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

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const docs = manifest();
  process.stderr.write(`deck-quality: ${docs.length} documents through ${GATEWAY}, ${SLIDES} slides each\n`);
  const results = await pool(docs, PARALLEL, deck);
  const made = results.filter(r => !r.skipped);

  // Chromium: every slide of every HTML export, network blocked.
  const browser = made.length ? execFileSync('node', [path.join(__dirname, 'export-browser-check.cjs'),
    ...made.map(r => r.html)], { encoding: 'utf8', maxBuffer: 64 << 20 }) : '';
  const htmlReports = new Map(browser.split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l))
    .map(r => [r.file, r]));
  // PPTX: every text frame measured with shared-design.
  const pptx = made.length ? execFileSync('java', ['-cp', env.PPTX_CHECK_CLASSPATH,
    'io.slideo.slide.service.export.PptxFrameCheck', ...made.map(r => r.pptx)], { encoding: 'utf8', maxBuffer: 64 << 20 }) : '';
  const pptxOver = new Map();
  pptx.split('\n').filter(Boolean).forEach(line => {
    const [file, slide, , over] = line.split('\t');
    if (parseInt(over, 10) > 0) {
      if (!pptxOver.has(file)) pptxOver.set(file, new Set());
      pptxOver.get(file).add(parseInt(slide, 10));
    }
  });

  const rows = [];
  for (const r of results) {
    if (r.skipped) {
      rows.push({ file: r.file, skipped: r.skipped });
      continue;
    }
    const html = htmlReports.get(r.html) || { overflowing: [], slides: 0, visible: 0, requests: [] };
    const over = new Set([...html.overflowing.map(o => o.slide), ...(pptxOver.get(r.pptx) || [])]);
    const m = contentMetrics(r);
    rows.push({ file: r.file, deckId: r.deckId, ...m, overflowing: over.size,
      htmlOverflow: html.overflowing, pptxOverflow: [...(pptxOver.get(r.pptx) || [])],
      shown: html.visible, requests: html.requests.length, seconds: r.seconds });
  }
  fs.writeFileSync(path.join(OUT, 'deck-quality.json'), JSON.stringify(rows, null, 1));
  const tsv = ['file\tslides\toverflowing\tunsourced\tduplicate_titles\tduplicate_bullets\twords_per_bullet\tsections_covered\tsections\tnote'];
  const md = ['| document | slides | overflowing | unsourced bullets | duplicate titles / bullets | words per bullet | top-level sections covered |',
    '|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    if (r.skipped) {
      tsv.push(`${r.file}\t\t\t\t\t\t\t\t\t${r.skipped}`);
      md.push(`| ${r.file} | – | – | – | – | – | ${r.skipped} |`);
      continue;
    }
    const share = r.sections ? `${r.covered}/${r.sections} (${Math.round(100 * r.covered / r.sections)} %)` : 'no headings';
    tsv.push([r.file, r.slides, r.overflowing, r.unsourced, r.duplicateTitles, r.duplicateBullets,
      r.wordsPerBullet.toFixed(1), r.covered, r.sections, r.shown === r.slides ? '' : `shown ${r.shown}`].join('\t'));
    md.push(`| ${r.file} | ${r.slides} | ${r.overflowing} | ${r.unsourced} | ${r.duplicateTitles} / ${r.duplicateBullets} | ${r.wordsPerBullet.toFixed(1)} | ${share} |`);
  }
  const decks = rows.filter(r => !r.skipped);
  const total = k => decks.reduce((n, r) => n + r[k], 0);
  const allBullets = total('bullets');
  md.push(`| **${decks.length} decks** | ${total('slides')} | ${total('overflowing')} | ${total('unsourced')} | ` +
    `${total('duplicateTitles')} / ${total('duplicateBullets')} | ` +
    `${(allBullets ? decks.reduce((n, r) => n + r.wordsPerBullet * r.bullets, 0) / allBullets : 0).toFixed(1)} | ` +
    `${total('covered')}/${total('sections')} |`);
  fs.writeFileSync(path.join(OUT, 'deck-quality.tsv'), tsv.join('\n') + '\n');
  fs.writeFileSync(path.join(OUT, 'deck-quality.md'), md.join('\n') + '\n');
  console.log(md.join('\n'));
}

main().catch(e => { console.error(e.stack || String(e)); process.exit(1); });
