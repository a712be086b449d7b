// Loads each HTML export in headless Chromium with all network access blocked and prints one JSON
// object per file: slides, slides shown, overflow (elements outside their slide, frames that scroll),
// requests the page tried, and fonts that did not load. Run through bench/export-browser.sh.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require(process.env.SLIDEO_PLAYWRIGHT);

async function main(argv) {
  let screenshots = null;
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--screenshots') screenshots = argv[++i];
    else files.push(argv[i]);
  }
  const browser = await chromium.launch({
    executablePath: process.env.SLIDEO_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const file of files) {
      console.log(JSON.stringify(await check(browser, file, screenshots)));
    }
  } finally {
    await browser.close();
  }
}

async function check(browser, file, screenshots) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, offline: true,
    javaScriptEnabled: true });
  const requests = [];
  // Every request is refused and remembered; data: URIs (the embedded fonts) are not requests.
  await context.route('**/*', route => { requests.push(route.request().url()); return route.abort(); });
  const page = await context.newPage();
  page.on('request', r => { if (!r.url().startsWith('data:') && !requests.includes(r.url())) requests.push(r.url()); });
  try {
    await page.setContent(fs.readFileSync(file, 'utf8'), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const result = await page.evaluate(measure);
    if (screenshots) {
      fs.mkdirSync(screenshots, { recursive: true });
      const slides = await page.$$('section.slide');
      for (let i = 0; i < slides.length; i++) {
        await slides[i].screenshot({ path: path.join(screenshots, `${path.basename(file, '.html')}-${i + 1}.png`) });
      }
    }
    return { file, ...result, requests };
  } finally {
    await context.close();
  }
}

// Runs in the page.
function measure() {
  const slides = [...document.querySelectorAll('section.slide')];
  const overflowing = [];
  const fontsMissing = new Set();
  let visible = 0;
  const describe = el => (el.className && typeof el.className === 'string' ? el.tagName.toLowerCase() + '.' +
    el.className.trim().split(/\s+/).join('.') : el.tagName.toLowerCase());
  slides.forEach((slide, index) => {
    const box = slide.getBoundingClientRect();
    const style = getComputedStyle(slide);
    if (box.width > 0 && box.height > 0 && style.display !== 'none' && style.visibility !== 'hidden') visible++;
    const problems = [];
    for (const el of slide.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < box.left - 0.5 || r.top < box.top - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5) {
        problems.push({ kind: 'outside', element: describe(el), text: (el.textContent || '').slice(0, 80) });
      }
    }
    for (const frame of slide.querySelectorAll('.frame')) {
      if (frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1) {
        problems.push({ kind: 'scrolled', element: describe(frame), text: (frame.textContent || '').slice(0, 80),
          needed: frame.scrollHeight, available: frame.clientHeight });
      }
      const fs = getComputedStyle(frame);
      const face = `${fs.fontWeight} ${fs.fontSize} ${fs.fontFamily}`;
      if (!document.fonts.check(face)) fontsMissing.add(face);
    }
    if (problems.length) overflowing.push({ slide: index + 1, problems });
  });
  return { slides: slides.length, visible, overflowing, fontsMissing: [...fontsMissing] };
}

main(process.argv.slice(2)).catch(e => { console.error(e.stack || String(e)); process.exit(1); });
