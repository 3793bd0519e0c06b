package io.reflex.launcher.proxy;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One color of the app as the proxy sees it: where it listens. Identity is the color, so a color restarted on a
 * new port is a different backend only if it gets a new number.
 *
 * @param color   the color number (1, 2, ...)
 * @param address the app's private address, normally on loopback
 */
public record Backend(int color, InetSocketAddress address) {

    public Backend {
        Objects.requireNonNull(address, "address");
        if (color < 1) {
            throw new IllegalArgumentException("color must be at least 1, was " + color);
        }
    }
}
