-- A plan a worker could not draft (status FAILED) keeps why, as the user was told it.
alter table plan add column failure_code text;
alter table plan add column failure_message text;
