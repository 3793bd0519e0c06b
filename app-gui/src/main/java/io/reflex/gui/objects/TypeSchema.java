package io.reflex.gui.objects;

import static io.reflex.gui.objects.FieldSpec.choice;
import static io.reflex.gui.objects.FieldSpec.list;
import static io.reflex.gui.objects.FieldSpec.object;
import static io.reflex.gui.objects.FieldSpec.text;

import io.reflex.client.ObjectType;
import java.util.List;
import java.util.Set;

/**
 * What the console knows about each type from the reference (section 3.5): the defined fields for the form and
 * validation, and the columns worth listing. Extra fields stay editable in the JSON editor.
 */
public final class TypeSchema {
    /** Fields the engine sets; the editor drops them from copies and restores. */
    public static final Set<String> READ_ONLY = Set.of("id", "updated_at", "updated_by", "pipeline_id", "config_id",
            "service_id", "policy_id", "_grp");

    private TypeSchema() {}

    public static List<FieldSpec> fields(ObjectType type) {
        return switch (type) {
            case PIPELINE -> List.of(text("title", false), object("launch", false), object("contacts", false));
            case SERVICE -> List.of(text("pipeline", true), text("config", true), text("lane", false),
                    text("region", false), text("tenant", false), list("active-instances"));
            case CONFIG -> List.of(choice("type", true, "parameter", "file"), list("extends"), list("imports"),
                    list("exports"), object("setenv", false), object("content", false),
                    object("sensitive", false));
            case INSTANCE -> List.of(text("service", true), text("status", true), object("address", true));
            case BUILD -> List.of(text("application", false), text("version", false), text("state", false),
                    text("type", false), text("link", false));
            case GROUP -> List.of(text("type", true), list("group"));
            case APIKEY -> List.of(text("description", false));
            case POLICY -> List.of(text("policy", true), choice("result", false, "pass", "fail"),
                    text("order", false), text("description", false));
            case POLICYSCOPE -> List.of(text("policy", true), text("matches", true), text("actions", true),
                    choice("type", true, "targeted", "global"), list("objects"));
            case STATE -> List.of();
        };
    }

    /** Columns for the browse table after name; each is asked from the engine with {@code cols}. */
    public static List<String> columns(ObjectType type) {
        return switch (type) {
            case PIPELINE -> List.of("title");
            case SERVICE -> List.of("lane", "pipeline", "config", "region");
            case CONFIG -> List.of("type", "extends");
            case INSTANCE -> List.of("service", "status");
            case BUILD -> List.of("application", "version", "state");
            case GROUP -> List.of("type");
            case APIKEY -> List.of("description");
            case POLICY -> List.of("result", "order");
            case POLICYSCOPE -> List.of("policy", "actions", "type");
            case STATE -> List.of();
        };
    }

    /** The sidebar's plural label. */
    public static String plural(ObjectType type) {
        return switch (type) {
            case POLICY -> "policies";
            case POLICYSCOPE -> "scopes";
            default -> type.path() + "s";
        };
    }

    /** A starting body for a new object of {@code type}, with every required field present. */
    public static String template(ObjectType type, String name) {
        String body = switch (type) {
            case SERVICE -> ", \"pipeline\": \"\", \"config\": \"\", \"lane\": \"tst\"";
            case CONFIG -> ", \"type\": \"parameter\", \"extends\": [], \"setenv\": {}";
            case INSTANCE -> ", \"service\": \"\", \"status\": \"ok\", \"address\": {\"host\": \"\", \"port\": 0}";
            case GROUP -> ", \"type\": \"set\", \"group\": []";
            case POLICY -> ", \"policy\": \"False\", \"result\": \"pass\"";
            case POLICYSCOPE -> ", \"policy\": \"\", \"matches\": \"True\", \"actions\": \"read\", \"type\": \"global\"";
            default -> "";
        };
        return "{\n  \"name\": \"" + name + "\"" + body + "\n}";
    }
}
