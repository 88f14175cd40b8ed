-- Organisations outside the company registry that take part in an extracted fact, one row per
-- article and name, with the sentence that names them (the material of company_candidates).
create table if not exists party_mentions (
    article_id varchar not null,
    partition_date date not null,
    source varchar not null,
    lang varchar,
    published date,
    name varchar not null,             -- as the text writes it, without legal form or genitive
    kind varchar not null,             -- investor, energy, research or company (from the words of the name)
    evidence varchar not null,
    evidence_start integer not null,
    evidence_end integer not null,
    primary key (article_id, name)
);
