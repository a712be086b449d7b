// Characters a reader of the PDF export cannot see, read back from the PDF by PdfGlyphCheck.java
// (PDFBox on slide-service's runtime classpath): text positions drawn without a glyph (.notdef), "#"
// signs beyond those of the deck's own text (openhtmltopdf's stand-in for a character no font has),
// and, compared with PDFBox's text of the PDF, the deck's characters that never reach it at all.
'use strict';
const path = require('path');
const { execFileSync } = require('child_process');

function classpath() {
  const given = process.env.PPTX_CHECK_CLASSPATH || '';
  // Quarkus keeps jboss-logging (commons-logging's backend in its build) under lib/boot.
  return given.includes('quarkus-app/lib/main/*') ? `${given}:${given.replace(/.*:(.*)quarkus-app\/lib\/main\/\*.*/, '$1')}quarkus-app/lib/boot/*` : given;
}

/** PDF path → { positions, withoutGlyph, hashes, missing, text }. */
function readPdfs(pdfs) {
  if (!pdfs.length) return new Map();
  const out = execFileSync('java', ['-cp', classpath(), path.join(__dirname, 'PdfGlyphCheck.java'), ...pdfs],
    { encoding: 'utf8', maxBuffer: 256 << 20 });
  const unescape = s => s.replace(/\\(\\|t|n)/g, (m, c) => (c === 't' ? '\t' : c === 'n' ? '\n' : '\\'));
  return new Map(out.split('\n').filter(Boolean).map(line => {
    const [file, positions, withoutGlyph, hashes, missing, text] = line.split('\t');
    return [file, { positions: +positions, withoutGlyph: +withoutGlyph, hashes: +hashes,
      missing: unescape(missing || ''), text: unescape(text || '') }];
  }));
}

/** The deck's visible text: titles, bullets, table cells (speaker notes are not in the PDF). */
function deckText(deck) {
  return (deck.slides || []).flatMap(s => [s.title, ...[...(s.bullets || []), ...(s.secondColumn || [])].map(b => b.text),
    ...(s.table || []).flat()]).join('\n');
}

function unseen(deck, pdf) {
  if (!pdf) return null;
  const text = deckText(deck);
  const hashesOfDeck = (text.match(/#/g) || []).length;
  const inPdf = new Set([...pdf.text.normalize('NFKC').replace(/\s+/g, '')]);
  const lost = [...new Set([...text.normalize('NFKC').replace(/\s+/g, '')])].filter(c => !inPdf.has(c));
  return { withoutGlyph: pdf.withoutGlyph + Math.max(0, pdf.hashes - hashesOfDeck), missing: pdf.missing,
    hashes: pdf.hashes, hashesOfDeck, lost: lost.join(''), positions: pdf.positions };
}

module.exports = { readPdfs, unseen, classpath };
