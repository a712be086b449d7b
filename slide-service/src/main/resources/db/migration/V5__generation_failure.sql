-- A generation run a worker could not finish is FAILED; its deck is FAILED until a later run
-- completes, and keeps why, as its user was told.
alter table deck add column failure_code text;
alter table deck add column failure_message text;
