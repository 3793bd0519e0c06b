package io.reflex.tools.cli;

import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexSettings;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * One run of the CLI: the machine it runs on, the global options given, and the client and output they lead
 * to. Commands get the client from here, so settings are resolved in one place and only when a command
 * actually talks to an engine ({@code setup} and {@code completion} never need one).
 */
public final class Invocation {
  private final CliContext context;
  private String url;
  private String apikey;
  private String profile;
  private OutputFormat output;
  private boolean debug;
  private List<String> passwords = List.of();
  private ReflexClient client;

  public Invocation(CliContext context) {
    this.context = context;
  }

  public CliContext context() {
    return context;
  }

  void url(String url) {
    this.url = url;
  }

  void apikey(String apikey) {
    this.apikey = apikey;
  }

  void profile(String profile) {
    this.profile = profile;
  }

  void output(OutputFormat output) {
    this.output = output;
  }

  void debug(boolean debug) {
    this.debug = debug;
  }

  /** Passwords to send with every request; they take effect only if given before {@link #client()} is first used. */
  void passwords(List<String> passwords) {
    this.passwords = List.copyOf(passwords);
  }

  public boolean debug() {
    return debug;
  }

  /** The profile named with {@code --profile}, if any. */
  public Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  /** Where url and apikey come from when the options do not give them: secrets, environment, profile file. */
  public ReflexSettings settings() {
    ReflexSettings.Builder builder =
        ReflexSettings.builder()
            .environment(context.environment())
            .profilesFile(context.profilesFile())
            .secretsDir(context.secretsDir());
    profile().ifPresent(builder::profile);
    return builder.build();
  }

  /**
   * The client for this run, built on first use. Retries once only: a person is waiting, and an unreachable
   * engine should be reported quickly.
   */
  public ReflexClient client() {
    if (client == null) {
      ReflexSettings settings = url == null || apikey == null ? settings() : null;
      ReflexClient.Builder builder =
          ReflexClient.builder()
              .url(url != null ? url : settings.require(ReflexSettings.URL))
              .apikey(apikey != null ? apikey : settings.require(ReflexSettings.APIKEY))
              .retries(1);
      if (!passwords.isEmpty()) {
        builder.okHttpClient(new OkHttpClient.Builder().addInterceptor(PasswordHeaders.of(passwords)).build());
      }
      client = builder.build();
    }
    return client;
  }

  public Output out() {
    return new Output(context.out(), context.err(), output != null ? output : context.terminal() ? OutputFormat.TABLE : OutputFormat.JSON);
  }
}
