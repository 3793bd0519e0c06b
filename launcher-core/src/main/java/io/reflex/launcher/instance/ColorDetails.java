package io.reflex.launcher.instance;

import java.util.List;
import java.util.Optional;

/**
 * What a launcher with a redeploy proxy adds to its instance object.
 *
 * @param current  the color receiving new requests, 0 before the first is ready
 * @param colors   every color that exists, oldest first
 * @param redeploy the last redeploy, if any
 */
public record ColorDetails(int current, List<ColorReport> colors, Optional<RedeployReport> redeploy) {

    public static final ColorDetails NONE = new ColorDetails(0, List.of(), Optional.empty());

    public ColorDetails {
        colors = List.copyOf(colors);
    }
}
