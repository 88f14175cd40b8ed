-- ETag / Last-Modified per URL, remembered across runs for conditional GET.
create table if not exists http_validators (
    url varchar primary key,
    etag varchar,
    last_modified varchar,
    checked_at timestamp with time zone not null
);
