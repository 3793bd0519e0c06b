package io.reflex.engine.store;

import java.util.Locale;

/** The SQL databases the engine runs on; each has its own migration folder where syntax differs. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql"),
    MARIADB("mariadb");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    String migrations() {
        return "classpath:db/migration/" + folder;
    }

    public static Dialect ofJdbcUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException(
                "unsupported database URL '" + url + "': use jdbc:sqlite:, jdbc:postgresql: or jdbc:mariadb:");
    }
}
