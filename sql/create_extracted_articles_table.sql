-- Bookkeeping of extraction: which article was extracted from which input, by which extractor.
-- An article whose input hash and extractor version are unchanged is not extracted again.
create table if not exists extracted_articles (
    article_id varchar primary key,
    partition_date date not null,
    input_hash varchar not null,        -- md5 of the article row as the extractor was given it
    extractor_version varchar not null, -- pipelines.extract.version.EXTRACTOR_VERSION
    deal_mentions integer not null,
    investment_mentions integer not null,
    extracted_at timestamp with time zone not null,
    extraction_error varchar            -- why the extractor failed on this article (no mentions), when it did
);
