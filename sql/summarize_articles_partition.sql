-- The day's articles by language, with parse errors and dropped ones, for the materialization metadata.
select lang,
       count(*) as n,
       count(*) filter (where parse_error is not null) as parse_errors,
       count(*) filter (where not is_relevant) as not_relevant
from articles
where partition_date = $day
group by lang
order by lang
