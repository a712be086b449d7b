-- What web research found (for a plan, whose id it shares, or for a research_request), with its sources
-- as JSON: url, title, summary and the cleaned page text. Written once per research id.
create table research (
    id          text primary key,
    user_id     text        not null,
    request_id  text,
    query       text,
    message     text,
    sources     text        not null,
    created_at  timestamptz not null
);
create index research_user_created on research (user_id, created_at);
