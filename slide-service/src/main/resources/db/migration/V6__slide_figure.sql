-- The document's figure an IMAGE slide shows (a JSON SlideFigure: its blob key, size, caption and
-- source), so the exports can draw it beside the bullets.
alter table slide_version add column figure text;
