package io.reflex.launcher.instance;

/**
 * One color as the instance object shows it ({@code lifecycle.colors[]}, docs/redeploy.md).
 *
 * @param color   the color number
 * @param state   {@code starting}, {@code ready}, {@code draining}, {@code stopping}, {@code stopped} or {@code failed}
 * @param port    its private loopback port
 * @param version the build it runs, empty when none was asked for
 * @param pid     its process id, 0 once it has ended
 */
public record ColorReport(int color, String state, int port, String version, long pid) {
}
