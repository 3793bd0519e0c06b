package io.reflex.launcher.cli;

import java.security.Security;

/**
 * A launcher that reaches its engine over plain HTTP never speaks TLS, yet OkHttp's platform check instantiates
 * every security provider the JDK lists, and SunEC, SunRsaSign, SunJSSE and SunJGSS (which the runtime image
 * carries for the engine) cost 15 to 20 ms of a start on a slow machine for nothing. Before anything has asked
 * for the provider list, this process's list is cut to SUN (random numbers, digests) and SunJCE (the tokens' HMAC).
 */
final class PlainHttpProviders {

    private static final String ENTRY = "security.provider.";

    private PlainHttpProviders() {
    }

    /**
     * Takes effect only if no provider has been asked for yet in this process; the JDK ignores repeated entries,
     * so every later one names SUN again.
     */
    static void limit() {
        Security.setProperty(ENTRY + 1, "SUN");
        Security.setProperty(ENTRY + 2, "SunJCE");
        for (int i = 3; Security.getProperty(ENTRY + i) != null; i++) {
            Security.setProperty(ENTRY + i, "SUN");
        }
    }
}
