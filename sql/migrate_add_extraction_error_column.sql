-- Databases made before extraction errors were recorded per article.
alter table extracted_articles add column if not exists extraction_error varchar;
