-- Shared migrations after the first take versions from 1000, above every service's own: a
-- service still running older code then reads them as "future" migrations and starts, where a
-- version below its own would fail its validation as "applied but missing". Statements are
-- idempotent so a schema that took this change under an earlier name takes it again unharmed.

-- An event the broker can never take (too large, not serialisable) is set aside rather than
-- retried forever: marked failed with the broker's reason and no longer claimed by the relay.
-- It stays for an operator to read; deleting it is safe.
alter table outbox_event add column if not exists failed_at timestamptz;
alter table outbox_event add column if not exists failure_reason text;

drop index if exists outbox_event_created_at;
create index if not exists outbox_event_pending on outbox_event (created_at, id) where failed_at is null;
