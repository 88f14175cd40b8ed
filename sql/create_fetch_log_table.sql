-- One row per attempt to read a document: HTTP requests (each retry is its own row),
-- files read from a sample folder, lines read from a jsonl file, items skipped and limits hit.
-- Errors are kept, never raised. Append-only: a re-run is a new attempt, and its rows carry its
-- own run id. Written in batches while the run goes, so an interrupted run keeps its rows.
create table if not exists fetch_log (
    run_id varchar not null,
    partition_date date not null,
    source varchar not null,
    url varchar not null,
    attempted_at timestamp with time zone not null,
    status integer,           -- HTTP status; null for files and for failures before a response
    bytes bigint,
    elapsed_ms double,
    error varchar,            -- null when the attempt succeeded
    attempt integer not null default 1,
    outcome varchar           -- ok, error, skipped (by rule), limit (a budget or cap cut it)
);
-- Files created before `outcome` existed get the column (null in their old rows).
alter table fetch_log add column if not exists outcome varchar;
