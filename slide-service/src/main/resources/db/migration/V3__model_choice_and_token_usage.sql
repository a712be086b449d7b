-- The model a generation run (or a deck asked for in one go) asked for; none means the deployment's.
alter table generation add column model text;
alter table deck_request add column model text;

-- Who wrote the deck last (a model's generator name, or offline) and the tokens it has spent so far,
-- planning and every run included, as the workers report them with each completed run.
alter table deck add column generator text;
alter table deck add column input_tokens bigint not null default 0;
alter table deck add column output_tokens bigint not null default 0;
