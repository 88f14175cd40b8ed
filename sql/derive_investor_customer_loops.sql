-- Investor-customer loops: directed cycles of up to $max_length companies in the value-flow graph
-- that contain at least one investment edge and one deal edge.
--   deal:            buyer    -> provider  (payment)
--   equity stake:    investor -> investee  (cash)
--   warrant:         issuer   -> holder    (shares; the issuer is the investee of the fact)
with recursive
edges as (
    select buyer as src, unnest(providers) as dst, 'payment' as flow, deal_id as fact_id, usd, gw
    from deals
    union all
    select investor, investee, 'cash', investment_id, usd, null
    from investments
    where instrument <> 'warrant'
    union all
    select investee, investor, 'shares', investment_id, usd, null
    from investments
    where instrument = 'warrant'
),
-- One edge per ordered pair and flow: two deals between the same companies are one payment edge.
flows as (
    select src, dst, flow,
           list_sort(list(fact_id)) as fact_ids,
           sum(usd) as usd,
           sum(gw) as gw
    from edges
    where src <> dst
    group by src, dst, flow
),
paths as (
    -- A loop is read starting at an investor: the first edge is an investment.
    select src as start, dst as node, [src, dst] as companies,
           [{'from': src, 'to': dst, 'flow': flow, 'usd': usd, 'gw': gw, 'fact_ids': fact_ids}] as path_edges
    from flows
    where flow <> 'payment'
    union all
    select p.start, f.dst, list_append(p.companies, f.dst),
           list_append(p.path_edges, {'from': f.src, 'to': f.dst, 'flow': f.flow, 'usd': f.usd, 'gw': f.gw, 'fact_ids': f.fact_ids})
    from paths p
    join flows f on f.src = p.node
    where p.node <> p.start
      and (f.dst = p.start or (len(p.companies) < $max_length and not list_contains(p.companies, f.dst)))
),
cycles as (
    select
        list_slice(companies, 1, len(companies) - 1) as companies,
        path_edges,
        list_sort(list_transform(path_edges, lambda e: e['from'] || '>' || e['to'] || ':' || e['flow'])) as edge_key
    from paths
    where node = start
      and list_bool_or(list_transform(path_edges, lambda e: e['flow'] = 'payment'))
),
-- A cycle with two investment edges is found once from each investor: keep one reading.
distinct_cycles as (
    select *
    from cycles
    qualify row_number() over (partition by edge_key order by companies) = 1
)
select
    substr(md5(array_to_string(edge_key, '|')), 1, 16) as loop_id,
    companies,
    len(companies) as length,
    to_json(list_transform(path_edges, lambda e: {
        'from': e['from'], 'to': e['to'], 'flow': e['flow'], 'usd': e['usd'], 'gw': e['gw'],
        'deal_ids': case when e['flow'] = 'payment' then e['fact_ids'] else [] end,
        'investment_ids': case when e['flow'] <> 'payment' then e['fact_ids'] else [] end
    })) as edges,
    list_sort(flatten(list_transform(path_edges, lambda e: case when e['flow'] = 'payment' then e['fact_ids'] else [] end))) as deal_ids,
    list_sort(flatten(list_transform(path_edges, lambda e: case when e['flow'] <> 'payment' then e['fact_ids'] else [] end))) as investment_ids,
    array_to_string(list_transform(path_edges, lambda e: e['from'] || case e['flow']
        when 'cash' then ' invests in '
        when 'shares' then ' grants shares to '
        else ' buys compute from ' end || e['to']), '; ') as description
from distinct_cycles
order by length, companies
