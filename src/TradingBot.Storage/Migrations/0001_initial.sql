-- One schema for SQLite and PostgreSQL: TEXT and BIGINT only, no identity columns, no booleans.
-- Money is BIGINT millionths of a dollar, prices BIGINT $0.0001 units, counts BIGINT hundredths of a contract,
-- times BIGINT Unix milliseconds (UTC). Nothing here is ever deleted except derived positions.

CREATE TABLE events (
    ticker TEXT PRIMARY KEY,
    series_ticker TEXT NOT NULL,
    title TEXT NOT NULL,
    game_start_ms BIGINT NULL,
    updated_ms BIGINT NOT NULL
);

CREATE TABLE markets (
    ticker TEXT PRIMARY KEY,
    event_ticker TEXT NOT NULL,
    status TEXT NOT NULL,
    open_ms BIGINT NOT NULL,
    close_ms BIGINT NOT NULL,
    yes_sub_title TEXT NOT NULL,
    result TEXT NOT NULL,
    updated_ms BIGINT NOT NULL
);

CREATE TABLE quotes (
    ticker TEXT NOT NULL,
    observed_ms BIGINT NOT NULL,
    yes_bid_units BIGINT NOT NULL,
    yes_bid_size BIGINT NOT NULL,
    no_bid_units BIGINT NOT NULL,
    no_bid_size BIGINT NOT NULL,
    PRIMARY KEY (ticker, observed_ms)
);

CREATE TABLE forecasts (
    ticker TEXT NOT NULL,
    source TEXT NOT NULL,
    as_of_ms BIGINT NOT NULL,
    yes_probability_micros BIGINT NOT NULL,
    PRIMARY KEY (ticker, source, as_of_ms)
);

CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    ticker TEXT NOT NULL,
    outcome TEXT NOT NULL,
    code TEXT NOT NULL,
    detail TEXT NOT NULL,
    side TEXT NULL,
    price_units BIGINT NULL,
    count_hundredths BIGINT NOT NULL,
    probability_micros BIGINT NULL,
    edge_micros BIGINT NOT NULL,
    expected_value_micros BIGINT NOT NULL
);
CREATE INDEX decisions_at ON decisions (at_ms);

CREATE TABLE outbox (
    client_order_id TEXT PRIMARY KEY,
    ticker TEXT NOT NULL,
    event_ticker TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    book_side TEXT NOT NULL,
    yes_price_units BIGINT NOT NULL,
    count_hundredths BIGINT NOT NULL,
    time_in_force TEXT NOT NULL,
    post_only BIGINT NOT NULL,
    reduce_only BIGINT NOT NULL,
    status TEXT NOT NULL,
    order_id TEXT NULL UNIQUE,
    filled_hundredths BIGINT NOT NULL,
    remaining_hundredths BIGINT NOT NULL,
    last_error TEXT NULL,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL
);
CREATE INDEX outbox_status ON outbox (status);
CREATE INDEX outbox_created ON outbox (created_ms);

CREATE TABLE fills (
    fill_id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    ticker TEXT NOT NULL,
    exposure_side TEXT NOT NULL,
    yes_price_units BIGINT NOT NULL,
    count_hundredths BIGINT NOT NULL,
    fee_micros BIGINT NOT NULL,
    is_taker BIGINT NOT NULL,
    at_ms BIGINT NOT NULL
);
CREATE INDEX fills_at ON fills (at_ms);

CREATE TABLE settlements (
    ticker TEXT PRIMARY KEY,
    event_ticker TEXT NOT NULL,
    result TEXT NOT NULL,
    yes_hundredths BIGINT NOT NULL,
    no_hundredths BIGINT NOT NULL,
    yes_cost_micros BIGINT NOT NULL,
    no_cost_micros BIGINT NOT NULL,
    revenue_micros BIGINT NOT NULL,
    fee_micros BIGINT NOT NULL,
    settled_ms BIGINT NOT NULL
);

CREATE TABLE positions (
    ticker TEXT PRIMARY KEY,
    side TEXT NOT NULL,
    count_hundredths BIGINT NOT NULL,
    cost_micros BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL
);

CREATE TABLE ledger (
    kind TEXT NOT NULL,
    reference TEXT NOT NULL,
    ticker TEXT NOT NULL,
    amount_micros BIGINT NOT NULL,
    at_ms BIGINT NOT NULL,
    PRIMARY KEY (kind, reference)
);
CREATE INDEX ledger_at ON ledger (at_ms);

CREATE TABLE risk_state (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_ms BIGINT NOT NULL
);

CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    delivered BIGINT NOT NULL
);

CREATE TABLE watermarks (
    name TEXT PRIMARY KEY,
    value_ms BIGINT NOT NULL
);

CREATE TABLE reconciliations (
    id TEXT PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    summary TEXT NOT NULL,
    changes BIGINT NOT NULL,
    mismatches BIGINT NOT NULL
);
