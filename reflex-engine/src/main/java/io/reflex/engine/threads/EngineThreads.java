package io.reflex.engine.threads;

/**
 * Names every thread the engine starts, with one prefix, so an application that embeds the engine can tell them
 * from its own: the console lowers their CPU priority below its window's. The prefix has 14 characters, so the
 * kernel's 15-character thread names ({@code /proc/PID/task/TID/comm}) keep all of it.
 */
public final class EngineThreads {

    public static final String PREFIX = "reflex-engine-";

    private EngineThreads() {
    }

    /** {@code role} with the engine's prefix, for threads made elsewhere (Jetty's pool, Hikari's pool). */
    public static String name(String role) {
        return PREFIX + role;
    }

    /** A daemon platform thread for one of the engine's background jobs. */
    public static Thread.Builder.OfPlatform daemon(String role) {
        return Thread.ofPlatform().daemon().name(name(role));
    }
}
