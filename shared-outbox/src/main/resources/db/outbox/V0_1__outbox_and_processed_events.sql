-- Shared by every service that owns data; created in the service's own schema.

-- Events written in the same transaction as the change they announce; the relay publishes
-- them to Kafka and deletes them.
create table outbox_event (
    id          uuid primary key,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null default now()
);
create index outbox_event_created_at on outbox_event (created_at, id);

-- Events a consumer has already handled, so a redelivered event changes nothing.
create table processed_event (
    event_id     uuid        not null,
    consumer     text        not null,
    processed_at timestamptz not null default now(),
    primary key (event_id, consumer)
);
