-- The day's articles with the parse key they were computed from.
select doc_id, parse_key
from articles
where partition_date = $day
