-- A deck, as its plan defined it (the plan's id is the deck's id).
create table deck (
    id             uuid primary key,
    user_id        text        not null,
    title          text        not null,
    description    text,
    theme          text        not null, -- JSON snapshot of the theme
    document_ids   text        not null, -- JSON array
    planned_slides text        not null, -- JSON array of PlannedSlide
    plan_revision  integer     not null,
    status         text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index deck_user_created on deck (user_id, created_at desc);

-- One slide position of a deck; its content lives in its versions.
create table slide (
    id              uuid primary key,
    deck_id         uuid    not null references deck (id) on delete cascade,
    slide_index     integer not null,
    current_version integer not null,
    unique (deck_id, slide_index)
);

-- Every version of every slide is kept. A generation run writes at most one version of a slide,
-- which makes a redelivered slide.generated event harmless.
create table slide_version (
    id            uuid primary key,
    slide_id      uuid        not null references slide (id) on delete cascade,
    version       integer     not null,
    generation_id uuid        not null,
    title         text        not null,
    layout        text        not null,
    bullets       text        not null, -- JSON array of Bullet
    notes         text,
    generator     text,
    reason        text        not null,
    created_by    text        not null,
    created_at    timestamptz not null,
    unique (slide_id, version),
    unique (slide_id, generation_id)
);
create index slide_version_generation on slide_version (generation_id);

-- A request to write some or all slides of a deck.
create table generation (
    id              uuid primary key,
    deck_id         uuid        not null references deck (id) on delete cascade,
    user_id         text        not null,
    request_id      text,
    slide_indexes   text        not null, -- JSON array
    instructions    text,
    status          text        not null,
    worker_finished boolean     not null default false,
    created_at      timestamptz not null,
    completed_at    timestamptz
);
create index generation_deck on generation (deck_id);
