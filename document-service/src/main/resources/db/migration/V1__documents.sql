create table document (
    id            uuid primary key,
    user_id       text        not null,
    file_name     text        not null,
    media_type    text        not null,
    size_bytes    bigint      not null,
    sha256        text        not null,
    blob_key      text        not null,
    status        text        not null,
    error_code    text,
    error_message text,
    title         text,
    language      text,
    pages         integer,
    characters    bigint,
    sections      integer,
    result_key    text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index document_user_created on document (user_id, created_at desc);
