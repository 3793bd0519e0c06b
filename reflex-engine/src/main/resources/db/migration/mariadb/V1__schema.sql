CREATE TABLE reflex_object (
    type       VARCHAR(16) NOT NULL,
    id         BIGINT      NOT NULL,
    name       VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    data       MEDIUMTEXT        NOT NULL,
    updated_at BIGINT      NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    version    BIGINT      NOT NULL,
    PRIMARY KEY (type, id),
    UNIQUE (type, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE reflex_archive (
    seq        BIGINT      AUTO_INCREMENT PRIMARY KEY,
    type       VARCHAR(16) NOT NULL,
    id         BIGINT      NOT NULL,
    name       VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    data       MEDIUMTEXT        NOT NULL,
    updated_at BIGINT      NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    version    BIGINT      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX reflex_archive_time ON reflex_archive (type, updated_at);
CREATE INDEX reflex_archive_object ON reflex_archive (type, id);

CREATE TABLE reflex_sequence (
    type    VARCHAR(16) NOT NULL PRIMARY KEY,
    next_id BIGINT      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE reflex_lock (
    k   INTEGER NOT NULL PRIMARY KEY,
    seq BIGINT  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO reflex_lock (k, seq) VALUES (1, 0);

CREATE TABLE reflex_change (
    seq    BIGINT      NOT NULL PRIMARY KEY,
    type   VARCHAR(16) NOT NULL,
    id     BIGINT      NOT NULL,
    name   VARCHAR(64) NOT NULL,
    action VARCHAR(16) NOT NULL,
    at_ms  BIGINT      NOT NULL,
    actor  VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE reflex_session (
    sid        VARCHAR(64) NOT NULL PRIMARY KEY,
    token_id   BIGINT      NOT NULL,
    token_name VARCHAR(64) NOT NULL,
    secret     MEDIUMTEXT        NOT NULL,
    expires_ms BIGINT      NOT NULL,
    ip         VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX reflex_session_expiry ON reflex_session (expires_ms);

CREATE TABLE reflex_audit (
    seq    BIGINT       AUTO_INCREMENT PRIMARY KEY,
    at_ms  BIGINT       NOT NULL,
    actor  VARCHAR(64)  NOT NULL,
    ip     VARCHAR(64)  NOT NULL,
    action VARCHAR(16)  NOT NULL,
    type   VARCHAR(16)  NOT NULL,
    target VARCHAR(200) NOT NULL,
    status INTEGER      NOT NULL,
    detail MEDIUMTEXT         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
