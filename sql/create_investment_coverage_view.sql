-- One row per investment and report, like deal_coverage.
create or replace view investment_coverage as
select
    i.investment_id,
    i.investor,
    i.investee,
    i.instrument,
    m.mention_id,
    m.lang,
    m.source,
    a.published,
    a.title,
    coalesce(a.canonical_url, a.url) as url,
    round(m.usd / 1e9, 2) as usd_bn,
    m.shares,
    m.evidence,
    m.partition_date as read_on
from investments as i
join investment_mentions as m on list_contains(i.mention_ids, m.mention_id)
left join articles as a on a.article_id = m.article_id;
