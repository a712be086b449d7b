-- An event the broker can never take (too large, not serialisable) is set aside rather than
-- retried forever: marked failed with the broker's reason and no longer claimed by the relay.
-- It stays for an operator to read; deleting it is safe.
alter table outbox_event add column failed_at timestamptz;
alter table outbox_event add column failure_reason text;

drop index outbox_event_created_at;
create index outbox_event_pending on outbox_event (created_at, id) where failed_at is null;
