-- Databases made before parse keys existed: their articles are parsed once more, then kept.
alter table articles add column if not exists parse_key varchar;
