-- A batch of documents to parse, with their compressed bytes.
select doc_id, source, kind, locator, url, external_id, content_type, body_zlib,
       title_hint, published_hint, lang_hint
from raw_documents
where doc_id in (select unnest($ids::varchar[]))
order by doc_id
