// Each deck as Markdown a person can read (decks/<document>.md): its title, then every slide's title
// and layout, its bullets with the place each comes from, its table, its speaker notes.
'use strict';

const cite = source => !source || !source.documentId ? '*(no source)*'
  : source.location ? `*(${source.location})*` : source.page ? `*(p. ${source.page})*` : '*(document, no place)*';
const cell = c => String(c == null ? '' : c).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function deckMarkdown(file, deck, label) {
  const lines = [`# ${deck.title}`, '',
    `From \`${file}\` — ${(deck.slides || []).length} slides, theme ${deck.themeId}, written by ` +
    `${(deck.usage && deck.usage.generator) || 'unknown'}${label ? ` (run "${label}")` : ''}.`, ''];
  for (const s of deck.slides || []) {
    lines.push(`## ${s.index + 1}. ${s.title}`, '', `*${s.layout}*`, '');
    (s.bullets || []).forEach(b => lines.push(`- ${b.text} ${cite(b.source)}`));
    if ((s.secondColumn || []).length) {
      lines.push('', 'Second column:', '');
      s.secondColumn.forEach(b => lines.push(`- ${b.text} ${cite(b.source)}`));
    }
    if ((s.table || []).length) {
      const width = Math.max(...s.table.map(r => r.length));
      const row = r => `| ${Array.from({ length: width }, (_, i) => cell(r[i])).join(' | ')} |`;
      lines.push('', row(s.table[0]), `|${' --- |'.repeat(width)}`, ...s.table.slice(1).map(row));
    }
    if (s.notes) lines.push('', `> Notes: ${s.notes.replace(/\n+/g, ' ')}`);
    lines.push('');
  }
  return lines.join('\n');
}

module.exports = { deckMarkdown };
