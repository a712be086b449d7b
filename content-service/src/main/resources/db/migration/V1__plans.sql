-- A content plan: what the user asked for, and the outline a worker drafted for it.
create table plan (
    id           uuid primary key,
    user_id      text        not null,
    request_id   text,
    status       text        not null,
    description  text        not null,
    slide_count  integer     not null,
    theme_id     text        not null,
    document_ids text        not null, -- JSON array of document ids, in the user's order
    research     boolean     not null,
    title        text,
    slides       text,                 -- JSON array of PlannedSlide, once drafted
    generator    text,
    revision     integer     not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index plan_user_created on plan (user_id, created_at desc);
