package io.reflex.launcher.proxy;

import io.reflex.launcher.log.LaunchLog;

import java.util.concurrent.atomic.AtomicBoolean;

/** What every connection handler of one proxy shares. */
record ProxyContext(ProxySettings settings, Routing routing, UpstreamPool pool, LaunchLog log,
                    AtomicBoolean closingFlag) {

    /** True once {@link ProxyServer#close()} started: connections close after their current exchange. */
    boolean closing() {
        return closingFlag.get();
    }
}
