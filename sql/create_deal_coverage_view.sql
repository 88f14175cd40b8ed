-- One row per deal and report: which article (title, link, language, outlet) said what, in which sentence.
create or replace view deal_coverage as
select
    d.deal_id,
    d.buyer,
    array_to_string(d.providers, ', ') as providers,
    m.mention_id,
    m.lang,
    m.source,
    a.published,
    a.title,
    coalesce(a.canonical_url, a.url) as url,
    m.gw,
    m.gw_bound,
    round(m.usd / 1e9, 2) as usd_bn,
    m.chips,
    m.evidence,
    m.partition_date as read_on
from deals as d
join deal_mentions as m on list_contains(d.mention_ids, m.mention_id)
left join articles as a on a.article_id = m.article_id;
