import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;

/** Stores the bench service on an engine: args are url, apikey, rundir. Run with the launcher's class path. */
public class BenchSetup {
    public static void main(String[] args) {
        ReflexClient client = ReflexClient.create(args[0], args[1]);
        client.create(ObjectType.CONFIG, ReflexObject.parse("""
                {"name": "bench-file", "type": "file", "content": {"dest": "app.conf", "ref": "sensitive.parameters.A"}}"""));
        client.create(ObjectType.CONFIG, ReflexObject.parse("""
                {"name": "bench", "type": "parameter", "exports": ["bench-file"],
                 "sensitive": {"parameters": {"A": "alpha"}}, "setenv": {"A": "%{A}"}}"""));
        client.create(ObjectType.PIPELINE, ReflexObject.parse("""
                {"name": "bench", "launch": {"rundir": "%s", "cfgdir": "%s/cfg", "exec": ["./app.sh"]}}"""
                .formatted(args[2], args[2])));
        client.create(ObjectType.SERVICE, ReflexObject.parse("""
                {"name": "bench", "pipeline": "bench", "config": "bench"}"""));
    }
}
