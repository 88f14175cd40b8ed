-- One row per investment or warrant, however many articles reported it.
create table if not exists investments (
    investment_id varchar primary key,
    investor varchar not null,
    investee varchar not null,
    instrument varchar not null,
    usd double, usd_bound varchar, usd_vague boolean not null default false,
    eur double, eur_bound varchar, eur_vague boolean not null default false,
    shares bigint,
    disagreeing_figures varchar[] not null,
    first_reported date,
    last_reported date,
    n_mentions integer not null,
    n_articles integer not null,
    n_sources integer not null,
    languages varchar[] not null,
    mention_ids varchar[] not null,
    confidence double,                        -- the highest confidence of its mentions
    evidence varchar not null,
    corrections varchar[] not null default []   -- analyst corrections applied (corrections.yaml)
);
