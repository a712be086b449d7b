-- Where the knowledge graph and retrieval chunks of an extracted document are stored.
alter table document add column graph_key text;
alter table document add column chunks_key text;
alter table document add column topics integer;
