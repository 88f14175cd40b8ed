-- Equity investments and warrants as stated in one article, with the evidence sentence.
create table if not exists investment_mentions (
    mention_id varchar primary key,
    article_id varchar not null,
    partition_date date not null,
    source varchar not null,
    lang varchar,
    published date,
    investor varchar not null,
    investee varchar not null,
    instrument varchar not null,       -- equity, warrant, unspecified
    usd double, usd_bound varchar, usd_vague boolean not null default false,
    eur double, eur_bound varchar, eur_vague boolean not null default false,
    shares bigint,
    confidence double,                 -- the decision layer's probability (null: no model)
    evidence varchar not null,
    evidence_start integer not null,
    evidence_end integer not null
);
