package io.reflex.gui.objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.client.ReflexObject;
import java.util.ArrayList;
import java.util.List;

/** How a field reads in a table cell or a filter: scalars as text, arrays as a comma list, objects as JSON. */
public final class Cells {
    private Cells() {}

    public static String text(ReflexObject object, String field) {
        return object.field(field).map(Cells::text).orElse("");
    }

    public static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return String.join(", ", items);
        }
        return value.toString();
    }
}
