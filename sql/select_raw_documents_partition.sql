select doc_id, source, kind, locator, url, external_id, content_type, body_zlib,
       title_hint, published_hint, lang_hint
from raw_documents
where partition_date = $day
order by doc_id
