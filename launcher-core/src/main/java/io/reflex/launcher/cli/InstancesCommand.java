package io.reflex.launcher.cli;

import io.reflex.client.InstanceView;
import io.reflex.client.NotFoundException;
import io.reflex.client.discovery.Discovery;
import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code launch instances [SERVICE]}: every instance of the service, whatever its status, so that on a host one
 * can see which peers a link would reach and which were dropped as failed or stale. The same model and columns as
 * {@code reflex services}.
 */
final class InstancesCommand {

    private InstancesCommand() {
    }

    static int run(LaunchContext context) {
        String service = context.target().service();
        List<InstanceView> instances;
        try {
            instances = context.calls().call(() -> Discovery.of(context.client()).instances(service));
        } catch (NotFoundException e) {
            throw new LaunchException(ExitReason.UNKNOWN_SERVICE, "Cannot find service: " + service, e);
        }
        context.out().print(context.arguments().format().equals("json") ? json(instances) : table(instances));
        context.out().flush();
        return 0;
    }

    private static String json(List<InstanceView> instances) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        instances.forEach(instance -> rows.add(instance.row()));
        return rows.toPrettyString() + "\n";
    }

    /** Left-aligned columns two spaces apart, the header upper-cased; absent values are blank. */
    private static String table(List<InstanceView> instances) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(InstanceView.COLUMNS.stream().map(column -> column.toUpperCase(Locale.ROOT)).toList());
        for (InstanceView instance : instances) {
            JsonNode row = instance.row();
            lines.add(InstanceView.COLUMNS.stream().map(column -> row.path(column).isNull() ? "" : row.path(column).asText())
                    .toList());
        }
        int[] widths = new int[InstanceView.COLUMNS.size()];
        lines.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                row.append(String.format("%-" + (widths[i] + 2) + "s", line.get(i)));
            }
            text.append(row.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
