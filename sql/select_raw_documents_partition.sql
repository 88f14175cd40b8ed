-- What parsing reads from the day's documents, without their bytes: enough to tell which are parsed already.
select doc_id, source, kind, url, external_id, content_type, body_sha256, title_hint, published_hint, lang_hint
from raw_documents
where partition_date = $day
order by doc_id
