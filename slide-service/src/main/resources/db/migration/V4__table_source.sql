-- Where a table slide's table stands in its document (a JSON source: document, page or location),
-- so its rows cite their source like bullets do.
alter table slide_version add column table_source text;
