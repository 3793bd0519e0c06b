CREATE TABLE reflex_object (
    type       TEXT    NOT NULL,
    id         INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    data       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    PRIMARY KEY (type, id),
    UNIQUE (type, name)
);

CREATE TABLE reflex_archive (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    type       TEXT    NOT NULL,
    id         INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    data       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT    NOT NULL,
    version    INTEGER NOT NULL
);
CREATE INDEX reflex_archive_time ON reflex_archive (type, updated_at);
CREATE INDEX reflex_archive_object ON reflex_archive (type, id);

CREATE TABLE reflex_sequence (
    type    TEXT    NOT NULL PRIMARY KEY,
    next_id INTEGER NOT NULL
);

CREATE TABLE reflex_lock (
    k   INTEGER NOT NULL PRIMARY KEY,
    seq INTEGER NOT NULL
);
INSERT INTO reflex_lock (k, seq) VALUES (1, 0);

CREATE TABLE reflex_change (
    seq    INTEGER NOT NULL PRIMARY KEY,
    type   TEXT    NOT NULL,
    id     INTEGER NOT NULL,
    name   TEXT    NOT NULL,
    action TEXT    NOT NULL,
    at_ms  INTEGER NOT NULL,
    actor  TEXT    NOT NULL
);

CREATE TABLE reflex_session (
    sid        TEXT    NOT NULL PRIMARY KEY,
    token_id   INTEGER NOT NULL,
    token_name TEXT    NOT NULL,
    secret     TEXT    NOT NULL,
    expires_ms INTEGER NOT NULL,
    ip         TEXT    NOT NULL
);
CREATE INDEX reflex_session_expiry ON reflex_session (expires_ms);

CREATE TABLE reflex_audit (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms  INTEGER NOT NULL,
    actor  TEXT    NOT NULL,
    ip     TEXT    NOT NULL,
    action TEXT    NOT NULL,
    type   TEXT    NOT NULL,
    target TEXT    NOT NULL,
    status INTEGER NOT NULL,
    detail TEXT    NOT NULL
);
