-- Organisations the registry does not know, seen as parties of extracted facts: what an analyst
-- reviews to extend pipelines/extract/companies.yaml (the registry stays the source of canonical names).
create table if not exists company_candidates (
    name varchar primary key,
    kind varchar not null,             -- investor, energy, research or company
    n_articles integer not null,
    n_mentions integer not null,
    first_seen date,
    last_seen date,
    article_ids varchar[] not null,
    example_evidence varchar not null,
    example_article_id varchar not null
);
