-- Themes a user made; the definition is the JSON of a shared-model Theme, checked before it is stored.
create table custom_theme (
    id         text primary key,
    user_id    text        not null,
    definition text        not null,
    created_at timestamptz not null
);
create index custom_theme_user_created on custom_theme (user_id, created_at);

-- The theme a plan was asked with, as it was then: deleting a custom theme later leaves plans intact.
alter table plan add column theme text;
