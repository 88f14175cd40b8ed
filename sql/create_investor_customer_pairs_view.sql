-- Investments between two companies that also have a compute deal: an investor selling compute to
-- the company it invests in ("invests in its customer"), or buying compute from it ("invests in
-- its supplier"). The loops table generalises this to cycles of up to three companies.
create or replace view investor_customer_pairs as
select
    i.investor,
    i.investee,
    case when d.buyer = i.investee then 'invests in its customer' else 'invests in its supplier' end as relation,
    i.instrument,
    round(i.usd / 1e9, 2) as investment_usd_bn,
    d.buyer,
    array_to_string(d.providers, ', ') as providers,
    d.resource,
    d.gw,
    round(d.usd / 1e9, 2) as deal_usd_bn,
    i.investment_id,
    d.deal_id
from investments as i
join deals as d
  on (d.buyer = i.investee and list_contains(d.providers, i.investor))
  or (d.buyer = i.investor and list_contains(d.providers, i.investee));
