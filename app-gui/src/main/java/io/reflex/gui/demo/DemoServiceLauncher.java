package io.reflex.gui.demo;

import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;

/**
 * Extension point: starts the demo services for real once the demo data is loaded. The console ships without an
 * implementation; the embedded launcher (and the redeploy button built on it) will provide one through
 * {@link java.util.ServiceLoader}, registered in {@code META-INF/services/io.reflex.gui.demo.DemoServiceLauncher}.
 */
public interface DemoServiceLauncher {

    /** Called once per demo service, on a background thread, right after the demo data was written. */
    void launch(ReflexClient client, ReflexObject service);
}
