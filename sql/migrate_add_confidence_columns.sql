-- Databases made before extraction kept a confidence per fact get the column (null: no model then).
alter table deal_mentions add column if not exists confidence double;
alter table investment_mentions add column if not exists confidence double;
alter table deals add column if not exists confidence double;
alter table investments add column if not exists confidence double;
