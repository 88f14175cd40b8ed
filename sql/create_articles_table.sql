-- Clean article text and metadata, one row per raw document.
create table if not exists articles (
    article_id varchar primary key,    -- equals doc_id: one article per document version
    doc_id varchar not null,
    partition_date date not null,
    source varchar not null,
    external_id varchar,
    url varchar,
    canonical_url varchar,
    title varchar,
    published date,
    lang varchar,                      -- de / en / null when undetected
    text varchar not null,
    n_chars integer not null,
    content_hash varchar,              -- same text syndicated by two outlets: same hash
    encoding varchar,
    is_relevant boolean not null default true,
    relevance_reason varchar,
    parse_error varchar,               -- why no text came out, when none did
    parse_key varchar                  -- hash of the bytes, hints, keywords and parser version parsed
);
