-- The fees paid on the contracts a position still holds: with its cost, the capital the exposure caps count.
-- Positions carried over read 0 until the ledger is next rebuilt from the fills (the next reconciliation that adds one).
ALTER TABLE positions ADD COLUMN fee_micros BIGINT NOT NULL DEFAULT 0;
