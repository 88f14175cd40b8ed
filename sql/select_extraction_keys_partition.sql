-- The day's extracted articles with the input hash and extractor version they were extracted from.
select article_id, input_hash, extractor_version
from extracted_articles
where partition_date = $day
