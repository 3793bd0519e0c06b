package io.reflex.engine.objects;

import io.reflex.engine.crypto.SensitiveFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.engine.auth.Caller;
import io.reflex.engine.http.ApiException;
import io.reflex.engine.http.Reply;
import io.reflex.engine.model.ObjectKind;
import io.reflex.engine.model.Target;
import io.reflex.engine.policy.Access;
import io.reflex.engine.policy.PolicyEngine;
import io.reflex.engine.store.ObjectStore;
import io.reflex.engine.store.StoredObject;
import io.reflex.engine.store.WriteTransaction;
import io.reflex.engine.store.WriteTransaction.Change;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Create, update (full or merge, with the original's upsert by name), delete and instance ping. Each runs inside one
 * serialised write transaction, so the object read for a merge or a no-change check is the one that gets replaced.
 *
 * <p>Deliberate departures from the original (reference section 9): names are checked on every create, upsert and
 * rename; redaction placeholders never overwrite secrets; any change to secrets needs the sensitive write right;
 * a write that changes nothing answers 202 without touching the archive; storage errors never reach the client.
 */
public final class ObjectWrites {

    private static final Pattern APIKEY_NAME = Pattern.compile("[a-z0-9-]+");
    private static final int MAX_NAME = 64;
    private static final String PLACEHOLDER_KEY = "encrypted";

    private final ObjectStore store;
    private final SensitiveFields sensitive;
    private final Guard guard;
    private final PolicyEngine policies;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ObjectWrites(ObjectStore store, SensitiveFields sensitive, PolicyEngine policies, Clock clock) {
        this.store = store;
        this.sensitive = sensitive;
        this.guard = new Guard(policies);
        this.policies = policies;
        this.clock = clock;
    }

    public Reply create(Caller caller, ObjectKind kind, JsonNode body) {
        ObjectNode input = requireObject(body);
        JsonNode name = input.get("name");
        if (name == null || name.isNull()) {
            throw ApiException.badRequest(kind == ObjectKind.APIKEY
                    ? "Object load: missing 'name'" : "Object validate: missing 'name'");
        }
        String validName = validName(kind, name);
        return write(kind, tx -> {
            if (kind == ObjectKind.APIKEY && input.hasNonNull("id")) {
                throw ApiException.badRequest("id must be left undefined on apikey creation");
            }
            if (input.hasNonNull("id") && input.get("id").canConvertToLong()
                    && tx.byId(kind.table(), input.get("id").asLong()).isPresent()) {
                throw exists(kind, validName);
            }
            return insert(caller, kind, validName, input, tx, "created");
        });
    }

    public Reply update(Caller caller, ObjectKind kind, String targetText, JsonNode body, boolean merge,
            Optional<String> ifMatch) {
        ObjectNode input = requireObject(body);
        Target target = ObjectReads.parseTarget(targetText);
        return write(kind, tx -> {
            Optional<StoredObject> current = find(kind, target, input, tx);
            if (current.isEmpty()) {
                if (merge || target.name().isEmpty() || input.hasNonNull("id")) {
                    throw ObjectReads.notFound(kind, targetText);
                }
                if (ifMatch.isPresent()) {
                    throw preconditionFailed(kind, target.name().get());
                }
                return insert(caller, kind, validName(kind, input.textNode(targetText)), input, tx, "updated");
            }
            StoredObject old = current.get();
            if (ifMatch.isPresent() && !ifMatch.get().replace("\"", "").strip().equals(Long.toString(old.version()))) {
                throw preconditionFailed(kind, old.name());
            }
            String newName = newName(kind, target, input, old, tx);
            ObjectNode oldPlain = sensitive.decrypted(kind, old.data());
            ObjectNode plain = merge ? JsonMerge.merge(oldPlain.deepCopy(), strip(kind, input)) : strip(kind, input);
            keepSystemFields(kind, input, oldPlain, plain);
            return replace(caller, kind, old, newName, oldPlain, plain, tx, "update");
        });
    }

    public Reply delete(Caller caller, ObjectKind kind, String targetText) {
        Target target = ObjectReads.parseTarget(targetText);
        return write(kind, tx -> {
            StoredObject old = target.resolve(id -> tx.byId(kind.table(), id), n -> tx.byName(kind.table(), n))
                    .orElseThrow(() -> ApiException.notFound("Target not found"));
            guard.requireTypeLevel(caller, Access.WRITE, kind, Guard.none());
            Change change = new Change("delete", caller.actor(), now(), false);
            tx.delete(old, change);
            if (kind == ObjectKind.POLICY) {
                String reference = old.name() + "." + old.id();
                tx.all(ObjectKind.POLICYSCOPE.table()).stream()
                        .filter(scope -> Target.referencedId(scope.data().path("policy").asText()) == old.id()
                                || scope.data().path("policy").asText().equals(reference))
                        .forEach(scope -> tx.delete(scope, change));
            }
            return Reply.status(200, "deleted");
        });
    }

    /**
     * {@code PUT {base}/instance-ping/NAME}: merges the body into the instance (creating it when new) and records the
     * caller's address, so launchers can register and heartbeat with one call.
     */
    public Reply ping(Caller caller, String nameText, JsonNode body, String ip) {
        ObjectNode input = requireObject(body);
        JsonNode address = input.get("address");
        if (address != null && !address.isNull() && !address.isObject()) {
            throw ApiException.badRequest("address is not an object");
        }
        ObjectKind kind = ObjectKind.INSTANCE;
        boolean byId = nameText.chars().allMatch(Character::isDigit);
        return store.write(tx -> {
            Optional<StoredObject> current = byId
                    ? tx.byId(kind.table(), Long.parseLong(nameText))
                    : tx.byName(kind.table(), nameText);
            if (current.isEmpty()) {
                if (byId) {
                    throw ApiException.badRequest("Object validate: missing 'name'");
                }
                ObjectNode skeleton = JsonNodeFactory.instance.objectNode();
                skeleton.putObject("address");
                skeleton.put("service", "unknown");
                skeleton.put("status", "new");
                ObjectNode fresh = JsonMerge.merge(skeleton, strip(kind, input));
                addressOf(fresh).put("ping-from-ip", ip);
                return insert(caller, kind, validName(kind, input.textNode(nameText)), fresh, tx, "updated", "ping");
            }
            StoredObject old = current.get();
            ObjectNode oldPlain = old.data();
            ObjectNode plain = JsonMerge.merge(oldPlain.deepCopy(), strip(kind, input));
            addressOf(plain).put("ping-from-ip", ip);
            return replace(caller, kind, old, old.name(), oldPlain, plain, tx, "ping");
        });
    }

    /**
     * Runs a write; changes to policies, scopes or groups also drop this node's policy cache at once (other nodes
     * follow through the change log), so the writer's next request already sees them.
     */
    private Reply write(ObjectKind kind, java.util.function.Function<WriteTransaction, Reply> work) {
        try {
            return store.write(work);
        } finally {
            if (kind == ObjectKind.POLICY || kind == ObjectKind.POLICYSCOPE || kind == ObjectKind.GROUP) {
                policies.invalidate();
            }
        }
    }

    private Reply insert(Caller caller, ObjectKind kind, String name, ObjectNode input, WriteTransaction tx, String status) {
        return insert(caller, kind, name, input, tx, status, "create");
    }

    private Reply insert(Caller caller, ObjectKind kind, String name, ObjectNode input, WriteTransaction tx,
            String status, String action) {
        guard.requireTypeLevel(caller, Access.WRITE, kind, withIdentity(withoutSecret(kind, strip(kind, input)), 0, name));
        if (tx.byName(kind.table(), name).isPresent()) {
            throw exists(kind, name);
        }
        ObjectNode plain = strip(kind, input);
        dropPlaceholder(kind, plain, JsonNodeFactory.instance.objectNode());
        if (kind == ObjectKind.APIKEY) {
            plain.put("uuid", UUID.randomUUID().toString());
            plain.set("secrets", JsonNodeFactory.instance.arrayNode().add(newApikeySecret()));
        } else if (SensitiveFields.fieldOf(kind).filter(plain::has).isPresent()
                && !guard.allowedTypeLevelSensitive(caller, kind, withIdentity(withoutSecret(kind, plain), 0, name))) {
            throw ApiException.forbidden();
        }
        Normalizer.Result normalized = Normalizer.normalize(kind, plain, tx);
        tx.insert(kind.table(), name, sensitive.encrypted(kind, normalized.data()),
                new Change(action, caller.actor(), now(), kind.archived()));
        return written(201, status, normalized.warnings());
    }

    private Reply replace(Caller caller, ObjectKind kind, StoredObject old, String newName, ObjectNode oldPlain,
            ObjectNode plain, WriteTransaction tx, String action) {
        ObjectNode visible = withIdentity(withoutSecret(kind, plain), old.id(), newName);
        guard.require(caller, Access.WRITE, false, kind, old, visible);
        Optional<String> field = SensitiveFields.fieldOf(kind);
        if (field.isPresent() && !java.util.Objects.equals(plain.get(field.get()), oldPlain.get(field.get()))) {
            guard.require(caller, Access.WRITE, true, kind, old, visible);
        }
        Normalizer.Result normalized = Normalizer.normalize(kind, plain, tx);
        Change change = new Change(action, caller.actor(), now(), kind.archived());
        if (normalized.data().equals(oldPlain) && newName.equals(old.name())) {
            if (action.equals("ping")) {
                tx.touch(old, change);
            }
            return Reply.failed(202, Optional.of("No changes were made"));
        }
        tx.update(old, newName, sensitive.encrypted(kind, normalized.data()), change);
        return written(201, "updated", normalized.warnings());
    }

    private static Optional<StoredObject> find(ObjectKind kind, Target target, ObjectNode input, WriteTransaction tx) {
        JsonNode id = input.get("id");
        if (id != null && !id.isNull()) {
            if (!id.canConvertToLong() && !id.asText().matches("[0-9]+")) {
                throw ApiException.badRequest("Invalid target '" + id.asText() + "'");
            }
            return tx.byId(kind.table(), id.asLong());
        }
        return target.resolve(i -> tx.byId(kind.table(), i), n -> tx.byName(kind.table(), n));
    }

    /**
     * The name after an update: a plain name in the path renames (as the original); an id in the path keeps the
     * current name unless the body carries a new one.
     */
    private static String newName(ObjectKind kind, Target target, ObjectNode input, StoredObject old, WriteTransaction tx) {
        JsonNode requested = target.name().isPresent() && target.id() == 0
                ? input.textNode(target.name().get())
                : input.get("name");
        if (requested == null || requested.isNull() || requested.asText().equals(old.name())) {
            return old.name();
        }
        String name = validName(kind, requested);
        tx.byName(kind.table(), name).filter(other -> other.id() != old.id()).ifPresent(other -> {
            throw exists(kind, name);
        });
        return name;
    }

    /** Fields the engine owns survive a full PUT that omits them; placeholders mean "keep what is stored". */
    private static void keepSystemFields(ObjectKind kind, ObjectNode input, ObjectNode oldPlain, ObjectNode plain) {
        if (kind == ObjectKind.APIKEY) {
            plain.set("uuid", oldPlain.get("uuid"));
            JsonNode secrets = plain.get("secrets");
            if (secrets == null || secrets.isNull() || isRedacted(secrets)) {
                plain.set("secrets", oldPlain.get("secrets"));
            }
        }
        if (kind == ObjectKind.CONFIG && input.has("sensitive")) {
            JsonNode stored = oldPlain.get("sensitive");
            dropPlaceholder(kind, plain, stored instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode());
        }
    }

    /**
     * A config's {@code sensitive} carrying the redaction marker {@code "encrypted": "values"} came from a reader
     * who could not see the secret: the marker is dropped and the rest merged into the stored value.
     */
    private static void dropPlaceholder(ObjectKind kind, ObjectNode plain, ObjectNode stored) {
        if (kind != ObjectKind.CONFIG || !(plain.get("sensitive") instanceof ObjectNode submitted)
                || !"values".equals(submitted.path(PLACEHOLDER_KEY).asText())) {
            return;
        }
        ObjectNode rest = submitted.deepCopy();
        rest.remove(PLACEHOLDER_KEY);
        ObjectNode merged = JsonMerge.merge(stored.deepCopy(), rest);
        if (merged.isEmpty() && stored.isEmpty()) {
            plain.remove("sensitive");
        } else {
            plain.set("sensitive", merged);
        }
    }

    private static boolean isRedacted(JsonNode secrets) {
        return secrets.isArray() && secrets.size() == 1 && "redacted".equals(secrets.get(0).asText());
    }

    /** The body without the fields clients cannot set: id, name and times (handled apart) and derived columns. */
    private static ObjectNode strip(ObjectKind kind, ObjectNode input) {
        ObjectNode plain = input.deepCopy();
        plain.remove(List.of("id", "name", "updated_at", "updated_by", "_grp"));
        kind.fields().forEach(f -> f.idColumn().ifPresent(plain::remove));
        if (kind == ObjectKind.APIKEY) {
            plain.remove("uuid");
        }
        return plain;
    }

    private static ObjectNode withoutSecret(ObjectKind kind, ObjectNode plain) {
        ObjectNode copy = plain.deepCopy();
        SensitiveFields.fieldOf(kind).ifPresent(copy::remove);
        return copy;
    }

    private static ObjectNode withIdentity(ObjectNode data, long id, String name) {
        ObjectNode copy = data.deepCopy();
        if (id != 0) {
            copy.put("id", id);
        }
        copy.put("name", name);
        return copy;
    }

    private static ObjectNode addressOf(ObjectNode instance) {
        if (!(instance.get("address") instanceof ObjectNode address)) {
            return instance.putObject("address");
        }
        return address;
    }

    /** Names must be findable again: 1–64 characters, no leading digit, no dot (apikeys: a-z, 0-9 and -). */
    static String validName(ObjectKind kind, JsonNode name) {
        if (!name.isTextual()) {
            throw ApiException.badRequest("Invalid name '" + name.asText() + "': must be a string");
        }
        String text = name.asText();
        if (text.isEmpty() || text.isBlank()) {
            throw ApiException.badRequest("Invalid name '" + text + "': must not be empty");
        }
        if (text.length() > MAX_NAME) {
            throw ApiException.badRequest("name is longer than " + MAX_NAME + " characters");
        }
        if (Character.isDigit(text.charAt(0)) || text.indexOf('.') >= 0) {
            throw ApiException.badRequest("Invalid name '" + text + "': must not start with a digit or contain '.'");
        }
        if (kind == ObjectKind.APIKEY && !APIKEY_NAME.matcher(text).matches()) {
            throw ApiException.badRequest("Invalid name '" + text + "': apikey names may only use a-z, 0-9 and -");
        }
        return text;
    }

    private static ObjectNode requireObject(JsonNode body) {
        if (body instanceof ObjectNode object) {
            return object;
        }
        throw ApiException.badRequest("body must be a JSON object");
    }

    private static ApiException exists(ObjectKind kind, String name) {
        return ApiException.badRequest(kind.table() + " named `" + name + "` already exists");
    }

    private static ApiException preconditionFailed(ObjectKind kind, String name) {
        return new ApiException(412, kind.table() + " " + name + " was changed by someone else; reload it and try again");
    }

    private static Reply written(int code, String status, List<String> warnings) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", status);
        if (!warnings.isEmpty()) {
            body.put("warning", String.join("; ", warnings));
        }
        return Reply.json(code, body);
    }

    private String newApikeySecret() {
        byte[] secret = new byte[66];
        random.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private long now() {
        return clock.millis() / 1000;
    }
}
