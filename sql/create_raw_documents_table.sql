-- Documents as read, before any parsing: bytes (zlib-compressed) and the facts of the read.
-- Keeping the bytes lets `articles` be rebuilt without fetching again.
create table if not exists raw_documents (
    doc_id varchar primary key,        -- hash of source + locator: stable across runs
    partition_date date not null,      -- the day this version was first read
    source varchar not null,
    kind varchar not null,             -- directory, jsonl, feed, listing, sitemap
    locator varchar not null,          -- URL, or path relative to the source, or jsonl id
    url varchar,
    external_id varchar,               -- the jsonl `id`, kept for the user
    fetched_at timestamp with time zone not null,
    http_status integer,
    content_type varchar,
    etag varchar,
    last_modified varchar,
    body_zlib blob not null,
    body_sha256 varchar not null,
    n_bytes bigint not null,
    truncated boolean not null default false,
    title_hint varchar,                -- from a jsonl line or a feed item
    published_hint date,
    lang_hint varchar
);
