-- Bookkeeping of the derived assets: the fingerprint of the inputs each was last computed from.
-- A run whose inputs have the same fingerprint keeps the table and says so in its metadata.
create table if not exists asset_inputs (
    asset varchar primary key,
    fingerprint varchar not null,      -- sha256 over the parts
    parts json not null,               -- {input: fingerprint}: rows read, files applied, code, settings
    details json,                      -- what the computation reported (row counts, unused corrections)
    recorded_at timestamp with time zone not null
);
