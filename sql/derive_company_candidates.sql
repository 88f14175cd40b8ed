-- One row per organisation outside the registry, over the whole history. A date is the article's
-- publication date, else the day it was read. The example is the earliest sentence naming it.
select
    name,
    mode(kind) as kind,
    count(distinct article_id)::integer as n_articles,
    count(*)::integer as n_mentions,
    min(coalesce(published, partition_date)) as first_seen,
    max(coalesce(published, partition_date)) as last_seen,
    list_sort(list(distinct article_id)) as article_ids,
    arg_min(evidence, coalesce(published, partition_date)) as example_evidence,
    arg_min(article_id, coalesce(published, partition_date)) as example_article_id
from party_mentions
group by name
order by n_articles desc, name
