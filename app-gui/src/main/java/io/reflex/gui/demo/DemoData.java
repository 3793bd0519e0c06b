package io.reflex.gui.demo;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.objects.JsonText;
import java.time.Instant;
import java.util.List;

/**
 * What a new local engine starts with, so a first run shows something real: two pipelines, services in two lanes
 * (tst, prd), configs layered by extends with secrets and one rendered file, and a few instances in different
 * lifecycle states. The {@code demo-web} services run {@link DemoWebApp} for real: the console starts them
 * through the embedded launcher ({@link #RUN_HERE}), with the console's own Java and class path passed as
 * {@code REFLEX_CONSOLE_JAVA} and {@code REFLEX_CONSOLE_CLASSPATH}.
 */
public final class DemoData {
    /** The demo services the console runs on this machine after a first start, with the launcher's proxy. */
    public static final List<String> RUN_HERE = List.of("demo-web-tst", "demo-web-prd");

    private DemoData() {}

    /** Writes the demo objects; blocks, so it runs on a task thread. */
    public static void load(ReflexClient client) {
        create(client, ObjectType.PIPELINE, """
                {"name": "demo-shop", "title": "Demo shop",
                 "launch": {"cfgdir": "/app/shop/config", "rundir": "/app/shop", "exec": ["java", "-jar", "shop.jar"]}}""");
        create(client, ObjectType.CONFIG, """
                {"name": "demo-shop-settings", "type": "file",
                 "content": {"dest": "shop.properties", "ref": "sensitive.data", "varsub": true},
                 "sensitive": {"data": "db.user=shop\\ndb.password=%{DB_PASSWORD}\\nfeature.checkout=true\\n"}}""");
        create(client, ObjectType.CONFIG, """
                {"name": "demo-common", "type": "parameter", "exports": ["demo-shop-settings"],
                 "setenv": {"APP_NAME": "shop", "LOG_LEVEL": "info", "DB_USER": "shop"},
                 "sensitive": {"parameters": {"DB_PASSWORD": "demo-tst-password"}}}""");
        create(client, ObjectType.PIPELINE, """
                {"name": "demo-web", "title": "Demo web app, run on this machine by the console",
                 "launch": {"exec": ["${REFLEX_CONSOLE_JAVA}", "-Djava.util.logging.SimpleFormatter.format=%%5$s%%n",
                                     "-cp", "${REFLEX_CONSOLE_CLASSPATH}", "%s"],
                            "rundir": "${REFLEX_CONSOLE_RUNS}", "cfgdir": "${REFLEX_CONSOLE_RUNS}/${APP_SERVICE}",
                            "heartbeat": "2s", "cleanExit": [143],
                            "proxy": {"health": "/health", "expect": 200, "ready-timeout": "60s",
                                      "drain": "5s"}}}""".formatted(DemoWebApp.class.getName()));
        for (String lane : List.of("tst", "prd")) {
            create(client, ObjectType.CONFIG, """
                    {"name": "demo-%1$s", "type": "parameter", "extends": ["demo-common"],
                     "setenv": {"DB_HOST": "db.%1$s.internal", "LOG_LEVEL": "%2$s",
                                "DATABASE_URL": "postgres://shop:%%{DB_PASSWORD}@db.%1$s.internal/shop"}%3$s}"""
                    .formatted(lane, lane.equals("tst") ? "debug" : "warn", lane.equals("prd")
                            ? ", \"sensitive\": {\"parameters\": {\"DB_PASSWORD\": \"prd-very-secret\"}}" : ""));
            for (String app : List.of("shop", "cart", "web")) {
                create(client, ObjectType.SERVICE, """
                        {"name": "demo-%1$s-%2$s", "pipeline": "demo-%3$s", "config": "demo-%2$s", "lane": "%2$s",
                         "region": "eu-west"}""".formatted(app, lane, app.equals("web") ? "web" : "shop"));
            }
        }
        ping(client, "demo-shop-tst-1", "demo-shop-tst", 8081, "ready", 1);
        ping(client, "demo-shop-prd-1", "demo-shop-prd", 9081, "ready", 2);
        ping(client, "demo-shop-prd-2", "demo-shop-prd", 9082, "draining", 1);
        ping(client, "demo-cart-tst-1", "demo-cart-tst", 8082, "starting", 1);
    }

    private static void create(ReflexClient client, ObjectType type, String json) {
        client.create(type, ReflexObject.of(JsonText.parseObject(json)));
    }

    private static void ping(ReflexClient client, String name, String service, int port, String state, int color) {
        long now = Instant.now().getEpochSecond();
        client.pingInstance(name, ReflexObject.of(JsonText.parseObject("""
                {"service": "%s", "status": "ok", "address": {"host": "127.0.0.1", "port": %d},
                 "lifecycle": {"state": "%s", "color": %d, "version": "1.4.2", "started": %d, "heartbeat": %d}}"""
                .formatted(service, port, state, color, now - 3600, now))));
    }
}
