-- What each day's run added: per day a document was read (`day`), the deals and investments that
-- got a report that day, and whether the fact is new that day or an older one reported again.
create or replace view daily_changes as
with reports as (
    select m.partition_date as day, 'deal' as fact, d.deal_id as fact_id, d.buyer as party,
           array_to_string(d.providers, ', ') as counterparty, d.gw, d.usd, m.mention_id
    from deals as d
    join deal_mentions as m on list_contains(d.mention_ids, m.mention_id)
    union all
    select m.partition_date, 'investment', i.investment_id, i.investor, i.investee, null, i.usd, m.mention_id
    from investments as i
    join investment_mentions as m on list_contains(i.mention_ids, m.mention_id)
),
per_day as (
    select day, fact, fact_id, party, counterparty, gw, usd, count(*) as n_reports
    from reports
    group by all
)
select
    day,
    fact,
    fact_id,
    party,
    counterparty,
    gw,
    round(usd / 1e9, 2) as usd_bn,
    case when day = min(day) over (partition by fact_id) then 'new' else 'reported again' end as change,
    n_reports
from per_day
order by day desc, fact, party;
