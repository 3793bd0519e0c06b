import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * Stores the redeploy benchmark's service on an engine: args are url, apikey, rundir, then the app's argv (the test
 * app VersionApp on its JVM). Run with the launcher's class path:
 * {@code java -cp LAUNCHER_CP bench/RedeployBenchSetup.java URL KEY RUNDIR JAVA -cp CP io.reflex.launcher.cli.VersionApp}.
 */
public class RedeployBenchSetup {
    public static void main(String[] args) throws Exception {
        ReflexClient client = ReflexClient.create(args[0], args[1]);
        ObjectMapper json = new ObjectMapper();
        client.create(ObjectType.CONFIG, ReflexObject.parse("""
                {"name": "rdbench", "type": "parameter", "setenv": {"VERSION": "bench"}}"""));
        String exec = json.writeValueAsString(List.of(args).subList(3, args.length));
        client.create(ObjectType.PIPELINE, ReflexObject.parse("""
                {"name": "rdbench", "launch": {"rundir": "%s", "cfgdir": "%s", "exec": %s,
                 "proxy": {"health": "/health", "ready-timeout": "30s", "drain": "5s"}}}"""
                .formatted(args[2], args[2], exec)));
        client.create(ObjectType.SERVICE, ReflexObject.parse("""
                {"name": "rdbench", "pipeline": "rdbench", "config": "rdbench"}"""));
    }
}
