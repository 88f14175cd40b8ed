-- Directed cycles in the value-flow graph with at least one investment and one deal edge.
create table if not exists investor_customer_loops (
    loop_id varchar primary key,       -- hash of the loop's edge set
    companies varchar[] not null,      -- in cycle order, starting at an investor
    length integer not null,
    edges json not null,               -- [{from, to, flow, usd, gw, deal_ids, investment_ids}]
    deal_ids varchar[] not null,
    investment_ids varchar[] not null,
    description varchar not null
);
