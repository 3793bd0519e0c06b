package io.reflex.gui;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;

/**
 * The window and taskbar icon, from the {@code assets} module's PNG (copied onto the class path by the build).
 * Window managers pick the size closest to what they draw, so a few scaled copies avoid blurry downscaling.
 */
final class AppIcon {
    private static final String RESOURCE = "/io/reflex/gui/icons/reflex-console.png";
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcon() {}

    static List<Image> sizes() {
        String url = Objects.requireNonNull(AppIcon.class.getResource(RESOURCE), RESOURCE).toExternalForm();
        return Arrays.stream(SIZES).mapToObj(size -> new Image(url, size, size, true, true)).toList();
    }
}
