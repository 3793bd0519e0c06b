package io.reflex.tools.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.client.ServiceView;
import io.reflex.client.config.ConfigFile;
import io.reflex.client.config.ConfigFlattener;
import io.reflex.client.config.EnvVar;
import io.reflex.client.config.LaunchOutput;
import io.reflex.client.config.LaunchPlan;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.JsonText;
import io.reflex.tools.cli.Output;
import io.reflex.tools.cli.OutputFormat;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Shows what {@code launch} would produce for a service (the {@code launch config} document, the environment
 * and the files) without running anything or writing a file. Secrets are masked unless {@code --reveal}: this
 * output ends up in terminals, tickets and CI logs.
 */
@Command(name = "flatten", mixinStandardHelpOptions = true,
    description = "Print the merged config, environment and files launch would produce for SERVICE")
final class FlattenCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Option(names = "--reveal", description = "Show secrets in clear")
  boolean reveal;

  @Option(names = "--cfgdir", paramLabel = "DIR",
      description = "Where content.source templates are read from (default: the pipeline's launch.cfgdir)")
  String cfgdir;

  private final Invocation invocation;

  FlattenCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    ReflexClient client = invocation.client();
    ReflexObject serviceObject = client.get(ObjectType.SERVICE, service);
    ServiceView view = ServiceView.of(serviceObject);
    String pipelineRef = view.pipeline().orElseThrow(() -> CliException.notFound("Service '" + service + "' names no pipeline"));
    String configRef = view.config().orElseThrow(() -> CliException.notFound("Service '" + service + "' names no config"));
    ReflexObject pipeline = client.get(ObjectType.PIPELINE, ServiceView.referencedName(pipelineRef));
    String dir =
        Optional.ofNullable(cfgdir)
            .or(() -> Optional.of(pipeline.json().path("launch").path("cfgdir").asText("")).filter(s -> !s.isEmpty()))
            .orElseThrow(() -> CliException.usage("Pipeline '" + pipeline.name() + "' has no launch.cfgdir; give --cfgdir"));
    EngineConfigSource source = new EngineConfigSource(client);
    ConfigFlattener flattener =
        ConfigFlattener.builder(source).environment(launchEnvironment(pipeline, serviceObject, dir)).cfgdir(dir).build();
    LaunchPlan plan = flattener.commit(flattener.flatten(configRef));
    SecretMask mask =
        SecretMask.of(
            plan.conf().path("sensitive"),
            plan.setenv().values().stream().filter(EnvVar::sensitive).map(EnvVar::value).toList());
    plan.warnings().forEach(w -> invocation.context().err().println("reflex: warning: " + w.config() + ": " + w.logLine()));
    invocation.context().err().flush();
    print(new Rendering(plan, pipeline, serviceObject, mask, source));
    return 0;
  }

  /** The environment launch flattens in: the caller's, plus the {@code APP_*} variables launch sets first (6.3). */
  private Map<String, String> launchEnvironment(ReflexObject pipeline, ReflexObject service, String cfgdir) {
    Map<String, String> environment = new HashMap<>(invocation.context().environment());
    environment.put("APP_CFG_BASE", cfgdir);
    environment.put("APP_RUN_BASE", pipeline.json().path("launch").path("rundir").asText(""));
    environment.put("APP_PIPELINE", pipeline.name());
    environment.put("APP_SERVICE", service.name());
    return environment;
  }

  private void print(Rendering rendering) {
    Output out = invocation.out();
    if (out.format() != OutputFormat.TABLE) {
      out.document(rendering.json());
      return;
    }
    out.line("# launch config");
    out.line(JsonText.pretty(rendering.document()));
    out.line("# launch env");
    out.line(rendering.envText().stripTrailing());
    for (ConfigFile file : rendering.plan.files()) {
      out.line("# file " + file.path() + " (mode " + Integer.toOctalString(file.mode()) + ", from " + file.config() + ")");
      out.line(rendering.content(file).stripTrailing());
    }
  }

  /** The three outputs, masked or not. */
  private final class Rendering {
    private final LaunchPlan plan;
    private final ReflexObject pipeline;
    private final ReflexObject service;
    private final SecretMask mask;
    private final EngineConfigSource source;

    Rendering(LaunchPlan plan, ReflexObject pipeline, ReflexObject service, SecretMask mask, EngineConfigSource source) {
      this.plan = plan;
      this.pipeline = pipeline;
      this.service = service;
      this.mask = mask;
      this.source = source;
    }

    JsonNode document() {
      JsonNode document = JsonText.sorted(LaunchOutput.configDocument(pipeline.json(), service.json(), plan));
      return reveal ? document : mask.document(document, false);
    }

    String envText() {
      String text = LaunchOutput.env(plan, true);
      return reveal ? text : mask.text(text);
    }

    /**
     * A file's text. Binary files and base64-encoded content (keystores) are hidden whole unless revealed: a
     * keystore is a secret even when no single known value appears in it.
     */
    String content(ConfigFile file) {
      Optional<String> text = utf8(file.bytes());
      boolean encoded = source.fetched(file.config()).map(c -> c.path("content").path("encoding").asText("")).filter(e -> !e.isEmpty()).isPresent();
      if (text.isEmpty() || (encoded && !reveal)) {
        return "(" + file.bytes().length + " bytes" + (reveal ? ", binary" : ", hidden; --reveal shows them") + ")";
      }
      return reveal ? text.get() : mask.text(text.get());
    }

    JsonNode json() {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.set("config", document());
      ObjectNode env = root.putObject("environment");
      plan.setenv().values().forEach(v -> env.put(v.name(), reveal ? v.value() : v.sensitive() ? SecretMask.MASK : mask.text(v.value())));
      var files = root.putArray("files");
      plan.files().forEach(file -> files.addObject()
          .put("path", file.path())
          .put("mode", Integer.toOctalString(file.mode()))
          .put("config", file.config())
          .put("content", content(file)));
      return root;
    }
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
