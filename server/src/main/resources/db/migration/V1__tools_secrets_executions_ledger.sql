-- Corral server schema, version 1: tools and their revisions, secrets, executions, the request ledger.
--
-- Portable on purpose: these files run on the embedded SQLite database and are meant to run
-- unchanged on PostgreSQL later. Only TEXT, BIGINT and INTEGER columns; booleans, if ever needed,
-- as INTEGER 0/1; no AUTOINCREMENT, no WITHOUT ROWID, no SQLite-only syntax or functions.
-- Times are BIGINT nanoseconds since the Unix epoch (UTC), exact and ordered.
-- Ids are ULIDs (26 upper-case ASCII characters) compared byte by byte, which is the order every
-- listing uses; on PostgreSQL create the database with the "C" collation so they sort the same.
-- A new version of the schema is a new file (V2__...sql); never edit one that has shipped.

-- A tool is its id and the revision that is current; every revision stays readable by id.
-- Names are not unique (Riza allows duplicates). current_revision_id is not a foreign key:
-- the two tables would reference each other, which neither database can create in one pass;
-- the store sets it only in the transaction that inserts the revision.
CREATE TABLE tools (
    id                  TEXT NOT NULL PRIMARY KEY,
    current_revision_id TEXT NOT NULL
);

CREATE TABLE tool_revisions (
    revision_id  TEXT NOT NULL PRIMARY KEY,
    tool_id      TEXT NOT NULL REFERENCES tools (id),
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    code         TEXT NOT NULL,
    language     TEXT NOT NULL,
    -- JSON text, exactly as given
    input_schema TEXT NOT NULL
);

CREATE INDEX tool_revisions_by_tool ON tool_revisions (tool_id);

-- A secret's value is never stored in clear: AES-256-GCM, a random 12-byte nonce per value,
-- the associated data binding it to the secret's id. key_id names the key that encrypted it
-- (8 hex digits of the key's SHA-256), so a rotated server knows which key to use.
CREATE TABLE secrets (
    id         TEXT NOT NULL PRIMARY KEY,
    name       TEXT NOT NULL,
    key_id     TEXT NOT NULL,
    -- base64
    nonce      TEXT NOT NULL,
    -- base64: the ciphertext followed by its 16-byte tag
    ciphertext TEXT NOT NULL
);

-- One row per execution: the columns to filter and prune on, and the whole record as JSON
-- (ExecutionCodec's format, which carries its own format number).
CREATE TABLE executions (
    id          TEXT    NOT NULL PRIMARY KEY,
    language    TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    exit_code   INTEGER NOT NULL,
    started_at  BIGINT  NOT NULL,
    record_json TEXT    NOT NULL
);

CREATE INDEX executions_by_exit_code ON executions (exit_code, id);
CREATE INDEX executions_by_started_at ON executions (started_at);
CREATE INDEX executions_by_language ON executions (language, id);
CREATE INDEX executions_by_type ON executions (type, id);

-- Which API key started which execution, from which request (method, path and body hashed):
-- a client's retry finds the execution its first attempt started. Written when a run starts,
-- before its execution row exists, so execution_id is not a foreign key.
CREATE TABLE request_ledger (
    execution_id TEXT   NOT NULL PRIMARY KEY,
    -- null when the server runs without authentication
    api_key_id   TEXT,
    request_hash TEXT   NOT NULL,
    started_at   BIGINT NOT NULL
);

CREATE INDEX request_ledger_by_request ON request_ledger (api_key_id, request_hash, started_at);
