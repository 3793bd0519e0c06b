package io.reflex.engine.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh, empty database for one test class on one of the three supported servers. PostgreSQL and MariaDB are the
 * machine's local servers (127.0.0.1:5432 trust auth, 127.0.0.1:3306 root without password); each test class gets
 * its own database, dropped afterwards.
 */
public enum TestDatabase {
    SQLITE,
    POSTGRESQL,
    MARIADB;

    /** A created database: its JDBC URL and how to drop it. */
    public record Instance(String url, Optional<String> user, Runnable drop) {}

    public Instance create(Path dataDir) {
        String name = "reflex_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (this) {
            case SQLITE -> new Instance("jdbc:sqlite:" + dataDir.resolve("reflex-engine.db"), Optional.empty(), () -> { });
            case POSTGRESQL -> server("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                    "jdbc:postgresql://127.0.0.1:5432/" + name, name);
            case MARIADB -> server("jdbc:mariadb://127.0.0.1:3306/", "root",
                    "jdbc:mariadb://127.0.0.1:3306/" + name, name);
        };
    }

    private Instance server(String adminUrl, String user, String url, String name) {
        execute(adminUrl, user, "CREATE DATABASE " + name
                + (this == MARIADB ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" : ""));
        return new Instance(url, Optional.of(user), () -> {
            if (this == POSTGRESQL) {
                execute(adminUrl, user, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } else {
                execute(adminUrl, user, "DROP DATABASE IF EXISTS " + name);
            }
        });
    }

    private static void execute(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare test database (" + sql.toLowerCase(Locale.ROOT)
                    + "): " + e.getMessage() + ". Is the server running on this machine?", e);
        }
    }
}
