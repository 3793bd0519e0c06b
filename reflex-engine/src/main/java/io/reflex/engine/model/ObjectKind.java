package io.reflex.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The object types of the Reflex API: their route names, the table names that policies and messages show, and
 * the fields each one defines. Anything else a client sends is kept as an extra field.
 */
public enum ObjectKind {
    PIPELINE("pipeline", "Pipeline", true,
            Field.optional("contacts", Shape.OBJECT),
            Field.optional("launch", Shape.OBJECT),
            Field.optional("monitor", Shape.ARRAY)),
    SERVICE("service", "Service", true,
            Field.reference("pipeline", "Pipeline", true),
            Field.reference("config", "Config", true),
            Field.optional("region", Shape.ANY),
            Field.optional("lane", Shape.ANY),
            Field.optional("tenant", Shape.ANY),
            Field.references("dynamic-instances", "Instance"),
            Field.references("static-instances", "Instance"),
            Field.references("active-instances", "Instance")),
    CONFIG("config", "Config", true,
            Field.required("type", Shape.ANY),
            Field.references("extends", "Config"),
            Field.references("imports", "Config"),
            Field.references("exports", "Config"),
            Field.optional("content", Shape.OBJECT),
            Field.optional("sensitive", Shape.OBJECT),
            Field.optional("setenv", Shape.OBJECT),
            Field.optional("file", Shape.ANY)),
    INSTANCE("instance", "Instance", false,
            Field.reference("service", "Service", true),
            Field.required("status", Shape.ANY),
            Field.required("address", Shape.OBJECT)),
    BUILD("build", "Build", false,
            Field.optional("application", Shape.ANY),
            Field.optional("version", Shape.ANY),
            Field.optional("state", Shape.ANY),
            Field.optional("status", Shape.ANY),
            Field.optional("type", Shape.ANY),
            Field.optional("link", Shape.ANY)),
    GROUP("group", "Grp", false,
            Field.required("type", Shape.ANY),
            Field.required("group", Shape.ARRAY)),
    APIKEY("apikey", "Apikey", false,
            Field.optional("secrets", Shape.ARRAY),
            Field.optional("description", Shape.ANY)),
    POLICY("policy", "Policy", true,
            Field.required("policy", Shape.ANY),
            Field.optional("result", Shape.ANY),
            Field.optional("order", Shape.ANY)),
    POLICYSCOPE("policyscope", "Policyscope", true,
            Field.reference("policy", "Policy", true),
            Field.required("matches", Shape.ANY),
            Field.required("actions", Shape.ANY),
            Field.required("type", Shape.ANY),
            Field.optional("objects", Shape.ARRAY)),
    STATE("state", "State", false);

    private final String route;
    private final String table;
    private final boolean archived;
    private final List<Field> fields;

    ObjectKind(String route, String table, boolean archived, Field... fields) {
        this.route = route;
        this.table = table;
        this.archived = archived;
        this.fields = List.of(fields);
    }

    public String route() {
        return route;
    }

    /** The capitalised name policies see as {@code obj_type} and messages show ({@code Grp} for groups). */
    public String table() {
        return table;
    }

    /**
     * Whether replaced versions are kept and can be queried with {@code archive=}. Pipelines are included: the
     * original archived them but refused the query, a restriction no client relies on.
     */
    public boolean archived() {
        return archived;
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static Optional<ObjectKind> ofRoute(String route) {
        return Arrays.stream(values()).filter(k -> k.route.equals(route)).findFirst();
    }

    public static Optional<ObjectKind> ofTable(String table) {
        return Arrays.stream(values()).filter(k -> k.table.equals(table)).findFirst();
    }

    /** Accepts a route name or a table name in any case ({@code group}, {@code Grp}, {@code GROUP}). */
    public static Optional<ObjectKind> ofAnyName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.route.equals(lower) || k.table.toLowerCase(Locale.ROOT).equals(lower))
                .findFirst();
    }

    /** The JSON shape a defined field must have when it is not null. */
    public enum Shape {
        OBJECT("<class 'dict'>"),
        ARRAY("<class 'list'>"),
        ANY("");

        private final String pythonName;

        Shape(String pythonName) {
            this.pythonName = pythonName;
        }

        /** The name the original's error messages used, kept so that scripts matching them still work. */
        public String pythonName() {
            return pythonName;
        }
    }

    /**
     * A defined field.
     *
     * @param refersTo the table a soft reference points to, or empty
     */
    public record Field(String name, boolean required, Shape shape, Optional<String> refersTo) {

        static Field required(String name, Shape shape) {
            return new Field(name, true, shape, Optional.empty());
        }

        static Field optional(String name, Shape shape) {
            return new Field(name, false, shape, Optional.empty());
        }

        static Field reference(String name, String table, boolean required) {
            return new Field(name, required, Shape.ANY, Optional.of(table));
        }

        static Field references(String name, String table) {
            return new Field(name, false, Shape.ARRAY, Optional.of(table));
        }

        /** Single references also get a read-only id column ({@code pipeline_id}, {@code service_id}, ...). */
        public Optional<String> idColumn() {
            return refersTo.isPresent() && shape != Shape.ARRAY ? Optional.of(name + "_id") : Optional.empty();
        }
    }
}
