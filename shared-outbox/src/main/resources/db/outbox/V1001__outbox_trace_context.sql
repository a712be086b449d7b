-- The W3C trace context (traceparent, tracestate) of the transaction that wrote an event, so the
-- relay's send, made later and elsewhere, continues that trace instead of starting its own. Null for
-- an event written outside any trace (and for rows written before this column existed).
alter table outbox_event add column if not exists traceparent text;
alter table outbox_event add column if not exists tracestate text;
