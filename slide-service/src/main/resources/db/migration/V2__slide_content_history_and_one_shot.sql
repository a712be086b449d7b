-- What a slide version holds beyond its bullets: the right column of a two-column slide, the rows of a
-- table slide (first row the header) and the quality gate's report, each as JSON.
alter table slide_version add column second_column text;
alter table slide_version add column table_rows text;
alter table slide_version add column quality text;

-- A slide position the user dropped from the plan: kept with every version, no longer shown.
-- Positions are unique among live slides only, so a re-added position starts afresh.
alter table slide add column retired_at timestamptz;
alter table slide drop constraint slide_deck_id_slide_index_key;
create unique index slide_live_position on slide (deck_id, slide_index) where retired_at is null;

-- A deck asked for in one go (POST /api/v1/decks): its slides are requested as soon as its plan arrives.
create table deck_request (
    deck_id      uuid primary key,
    user_id      text        not null,
    request_id   text,
    generation_id uuid,                 -- set once the slides were requested
    created_at   timestamptz not null
);
