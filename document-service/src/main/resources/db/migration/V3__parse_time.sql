-- Worker time spent reading each user's documents, per clock hour, as the workers report it with each
-- extraction outcome: the parse-time quota is read from here, so every instance agrees.
create table parse_time_spent (
    user_id text        not null,
    hour    timestamptz not null,
    millis  bigint      not null,
    primary key (user_id, hour)
);
