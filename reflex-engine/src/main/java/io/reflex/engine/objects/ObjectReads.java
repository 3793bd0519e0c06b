package io.reflex.engine.objects;

import io.reflex.engine.crypto.SensitiveFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.auth.Caller;
import io.reflex.engine.http.ApiException;
import io.reflex.engine.http.ApiRequest;
import io.reflex.engine.http.Reply;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.model.Target;
import io.reflex.engine.policy.Access;
import io.reflex.engine.store.AuditLog;
import io.reflex.engine.store.NameFilter;
import io.reflex.engine.store.ObjectStore;
import io.reflex.engine.store.StoredObject;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * List and get, with archives. Secrets are decrypted only for callers whose policies allow it (everyone else sees
 * the original's placeholders), and each such reveal is audited.
 */
public final class ObjectReads {

    private static final JsonNode CONFIG_PLACEHOLDER = JsonNodeFactory.instance.objectNode().put("encrypted", "values");
    private static final JsonNode APIKEY_PLACEHOLDER = JsonNodeFactory.instance.arrayNode().add("redacted");

    private final ObjectStore store;
    private final SensitiveFields sensitive;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;

    public ObjectReads(ObjectStore store, SensitiveFields sensitive, io.reflex.engine.policy.PolicyEngine policies,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.sensitive = sensitive;
        this.guard = new Guard(policies);
        this.audit = audit;
        this.clock = clock;
    }

    public Reply list(Caller caller, ObjectKind kind, ApiRequest request) {
        Optional<NameFilter> filter = request.queryParam("match").filter(m -> !m.isEmpty()).map(m -> {
            try {
                return NameFilter.parse(m);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        });
        Optional<long[]> range = request.queryParam("archive").map(a -> archiveRange(kind, a));
        guard.requireTypeLevel(caller, Access.READ, kind, Guard.none());
        Columns columns = Columns.parse(request.queryParam("cols").orElse(""));
        List<StoredObject> rows = range
                .map(r -> store.archive(kind.table(), r[0], r[1], filter))
                .orElseGet(() -> store.list(kind.table(), filter));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (StoredObject row : rows) {
            if (!mayRead(caller, kind, row)) {
                continue;
            }
            boolean wantsSecret = SensitiveFields.fieldOf(kind).filter(columns::includes).isPresent();
            ObjectNode rendered = Renderer.render(kind, row, sensitiveView(caller, kind, row, wantsSecret), true);
            out.add(columns.project(rendered));
        }
        return out.isEmpty() ? Reply.noContent() : Reply.json(200, out);
    }

    public Reply get(Caller caller, ObjectKind kind, String targetText, ApiRequest request) {
        Target target = parseTarget(targetText);
        Optional<String> archive = request.queryParam("archive");
        Optional<StoredObject> current = target.resolve(id -> store.byId(kind.table(), id), n -> store.byName(kind.table(), n));
        StoredObject object;
        if (archive.isPresent()) {
            long at = archiveInstant(kind, archive.get());
            long id = current.map(StoredObject::id).orElse(target.id());
            object = store.archivedAt(kind.table(), id, at).orElseThrow(() -> notFound(kind, targetText));
        } else {
            object = current.orElseThrow(() -> notFound(kind, targetText));
        }
        ObjectNode rendered = readable(caller, kind, object).orElseThrow(ApiException::forbidden);
        return Reply.json(200, rendered).withHeader("ETag", "\"" + object.version() + "\"");
    }

    /**
     * The object as a single GET answers it to this caller (same policy check, same rendering, secrets revealed and
     * audited or replaced by placeholders alike), or empty when the caller may not read it. The watch feed carries
     * objects through here, so that a watcher never sees more, or otherwise, than a GET would show.
     */
    public Optional<ObjectNode> readable(Caller caller, ObjectKind kind, StoredObject object) {
        if (!mayRead(caller, kind, object)) {
            return Optional.empty();
        }
        return Optional.of(Renderer.render(kind, object, sensitiveView(caller, kind, object, true), false));
    }

    /** The read check of GET and list: policies see the object without its secret field. */
    public boolean mayRead(Caller caller, ObjectKind kind, StoredObject object) {
        return guard.allowed(caller, Access.READ, false, kind, object, SensitiveFields.withoutSecrets(object));
    }

    static ApiException notFound(ObjectKind kind, String target) {
        return ApiException.notFound("Unable to load " + kind.table() + ": " + target);
    }

    static Target parseTarget(String text) {
        try {
            return Target.parse(text);
        } catch (Target.InvalidTargetException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The sensitive field as this caller may see it: decrypted, a placeholder, or absent when not stored. */
    private Optional<JsonNode> sensitiveView(Caller caller, ObjectKind kind, StoredObject object, boolean wanted) {
        Optional<String> field = SensitiveFields.fieldOf(kind);
        if (field.isEmpty() || !wanted || !object.data().has(field.get())) {
            return Optional.empty();
        }
        if (!guard.mayReveal(caller, kind, object)) {
            return Optional.of(kind == ObjectKind.APIKEY ? APIKEY_PLACEHOLDER : CONFIG_PLACEHOLDER);
        }
        audit.append(new AuditLog.Entry(0, clock.millis(), caller.actor(), caller.ip(), "read-sensitive",
                kind.table(), object.name(), 200, ""));
        return Optional.of(sensitive.decrypted(kind, object.data()).get(field.get()));
    }

    private static long[] archiveRange(ObjectKind kind, String text) {
        requireArchived(kind);
        String[] parts = text.split("~", 2);
        long from = seconds(parts[0]);
        long to = parts.length > 1 ? seconds(parts[1]) : 0;
        return new long[] {Math.min(from, to), Math.max(from, to)};
    }

    private static long archiveInstant(ObjectKind kind, String text) {
        requireArchived(kind);
        String[] parts = text.split("~", 2);
        if (parts.length > 1) {
            seconds(parts[1]);
        }
        double at = number(parts[0]);
        if (at != Math.rint(at)) {
            return Long.MIN_VALUE;
        }
        return (long) at;
    }

    private static void requireArchived(ObjectKind kind) {
        if (!kind.archived()) {
            throw ApiException.badRequest(kind.table() + " does not support archives");
        }
    }

    /** Epoch seconds, rounding fractions inward so that a range bound of {@code 1.5} still includes second 1. */
    private static long seconds(String text) {
        return (long) Math.floor(number(text));
    }

    private static double number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid archive dates (not POSIX time)");
        }
    }

    /** The {@code cols} of a list: the requested ones plus {@code id}, or every field for {@code *}. */
    private record Columns(Set<String> names, boolean all) {

        static Columns parse(String cols) {
            Set<String> names = new LinkedHashSet<>();
            Arrays.stream(cols.split(",")).map(String::strip).filter(c -> !c.isEmpty()).forEach(names::add);
            if (names.contains("*")) {
                return new Columns(Set.of(), true);
            }
            if (names.isEmpty()) {
                names.add("name");
            }
            names.add("id");
            return new Columns(names, false);
        }

        boolean includes(String column) {
            return all || names.contains(column);
        }

        ObjectNode project(ObjectNode rendered) {
            if (all) {
                return rendered;
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.set("id", rendered.get("id"));
            for (String name : names) {
                JsonNode value = rendered.get(name);
                if (value != null) {
                    out.set(name, value);
                }
            }
            return out;
        }
    }
}
