package io.reflex.launcher.cli;

import io.reflex.client.ReflexObject;

/**
 * The first JSON an exec-mode start reads is the sign-in answer, about 40 ms after {@code main}, and Jackson's first
 * parse and write are mostly one-time set-up that depends on nothing the start does before: the JDK's
 * {@code BigDecimal} tables (its class initialiser squares up to 5^65536, interpreted), the object mapper's date,
 * locale and type machinery, the serializers the instance ping needs. Done on another core while the main thread
 * builds the HTTP client, that set-up leaves the main thread's path (10 to 20 ms in bench/launch).
 */
final class JsonWarmUp {

    /** Shaped like an engine answer: a string, an integer, a decimal, a nested object. */
    private static final String SAMPLE = "{\"name\":\"warm-up\",\"id\":1,\"updated_at\":\"1.5\",\"meta\":{\"n\":0.5}}";

    private JsonWarmUp() {
    }

    static void startInBackground() {
        Thread.ofPlatform().daemon().name("json-warm-up").start(() -> ReflexObject.parse(SAMPLE).toJson());
    }
}
