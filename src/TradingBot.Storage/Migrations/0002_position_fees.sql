-- The fees paid on the contracts a position still holds: with its cost, the capital the exposure caps count.
-- Positions carried over are rebuilt from the fills right after this migration (Migrator), so they count their fees.
ALTER TABLE positions ADD COLUMN fee_micros BIGINT NOT NULL DEFAULT 0;
