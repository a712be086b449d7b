-- Documents wait in this table until their user has room (slideo.documents.extraction.per-user):
-- dispatched_at says when one was handed to the workers, null while it waits. Every document stored
-- before the queue existed was handed over at upload.
alter table document add column dispatched_at timestamptz;
alter table document add column request_id text;
update document set dispatched_at = created_at;
create index document_waiting on document (user_id, created_at) where status = 'UPLOADED' and dispatched_at is null;
