-- A research_request is stored when asked (SEARCHING) and completed when a worker's answer arrives
-- (DONE); research of a plan's research step only ever arrives done.
alter table research add column status text not null default 'DONE';
create index research_user_status on research (user_id, status);
