-- The worker's status (one row per writer, the worker being 'worker'): its heartbeat and state as JSON, read by the
-- dashboard and `tradingbot status`. And the operator's commands (halt, reduce-only, resume, flatten), written by
-- the CLI or the API, carried out and completed by the worker: the one writer of the trading state.
CREATE TABLE bot_status (
    name TEXT PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE control_commands (
    id BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    issued_ms BIGINT NOT NULL,
    done_ms BIGINT NULL,
    outcome TEXT NULL
);

CREATE INDEX control_commands_pending ON control_commands (done_ms, id);
