import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;

/**
 * Stores the benchmark service on an engine: args are url, apikey, rundir, exec (one argv word). Run with the
 * launcher's class path: {@code java -cp LAUNCHER_CP bench/LaunchBenchSetup.java URL KEY RUNDIR ./app.sh}.
 *
 * <p>Five configs, as the Launch Assist issue asks: the service's config {@code bench} (setenv and sensitive
 * parameters) extends {@code bench-base} (more setenv) and exports two files ({@code bench-json}, JSON from a ref,
 * and {@code bench-text}, text from a ref) and one template ({@code bench-tmpl}, {@code varsub} over the
 * variables). The installers build trains the runtime image's AOT cache against this same service.
 */
public class LaunchBenchSetup {
    public static void main(String[] args) {
        ReflexClient client = ReflexClient.create(args[0], args[1]);
        String exec = args.length > 3 ? args[3] : "./app.sh";
        create(client, ObjectType.CONFIG, """
                {"name": "bench-base", "type": "parameter",
                 "setenv": {"REGION": "eu-west-1", "LOG_LEVEL": "info", "POOL": "8"}}""");
        create(client, ObjectType.CONFIG, """
                {"name": "bench-json", "type": "file",
                 "content": {"dest": "settings.json", "ref": "sensitive.config", "type": "application/json"}}""");
        create(client, ObjectType.CONFIG, """
                {"name": "bench-text", "type": "file", "content": {"dest": "token.txt", "ref": "sensitive.parameters.TOKEN"}}""");
        create(client, ObjectType.CONFIG, """
                {"name": "bench-tmpl", "type": "file",
                 "content": {"dest": "app.properties", "ref": "sensitive.template", "varsub": true}}""");
        create(client, ObjectType.CONFIG, """
                {"name": "bench", "type": "parameter", "extends": ["bench-base"],
                 "exports": ["bench-json", "bench-text", "bench-tmpl"],
                 "sensitive": {"parameters": {"TOKEN": "alpha-beta-gamma", "DB_PASS": "p4ss"},
                               "config": {"db": {"host": "db.local", "port": 5432}, "features": ["a", "b", "c"]},
                               "template": "region=${REGION}\\npool=${POOL}\\ndb.password=${DB_PASS}\\n"},
                 "setenv": {"TOKEN": "%{TOKEN}", "DB_PASS": "%{DB_PASS}", "DB_URL": "postgres://db.local:5432/app"}}""");
        create(client, ObjectType.PIPELINE, """
                {"name": "bench", "launch": {"rundir": "%s", "cfgdir": "%s/cfg", "exec": ["%s"]}}"""
                .formatted(args[2], args[2], exec));
        create(client, ObjectType.SERVICE, """
                {"name": "bench", "pipeline": "bench", "config": "bench"}""");
    }

    private static void create(ReflexClient client, ObjectType type, String json) {
        client.create(type, ReflexObject.parse(json));
    }
}
