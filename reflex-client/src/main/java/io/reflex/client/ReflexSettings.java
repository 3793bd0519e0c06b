package io.reflex.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code REFLEX_URL} and {@code REFLEX_APIKEY} come from, in the order the original tools use: a Docker
 * secret file {@code /run/secrets/NAME} (whitespace-stripped), then the environment, then the user's profile
 * file. Every source is injectable so tests never read the real machine.
 */
public final class ReflexSettings {
  public static final String URL = "REFLEX_URL";
  public static final String APIKEY = "REFLEX_APIKEY";

  private final Path secretsDir;
  private final Map<String, String> environment;
  private final Path profilesFile;
  private final String profile;

  private ReflexSettings(Builder builder) {
    this.secretsDir = builder.secretsDir;
    this.environment = Map.copyOf(builder.environment);
    this.profilesFile = builder.profilesFile == null ? Profiles.defaultFile(environment) : builder.profilesFile;
    this.profile = builder.profile;
  }

  /** The real machine: {@code /run/secrets}, the process environment, the default profile file. */
  public static ReflexSettings system() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The value of {@code name} from the first source that has a non-blank one.
   *
   * @throws InvalidSettingsException when a secret file or the profile file exists but cannot be used
   */
  public Optional<String> find(String name) {
    Optional<String> secret = secretFile(name);
    if (secret.isPresent()) {
      return secret;
    }
    String env = environment.get(name);
    if (env != null && !env.isBlank()) {
      return Optional.of(env.strip());
    }
    return fromProfile(name);
  }

  /** Like {@link #find} but a missing value is an error that says where the SDK looked. */
  public String require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new InvalidSettingsException(
                    name
                        + " is not set: looked in "
                        + secretsDir.resolve(name)
                        + ", the environment and "
                        + profilesFile));
  }

  public Path secretsDir() {
    return secretsDir;
  }

  public Path profilesFile() {
    return profilesFile;
  }

  /** The profile asked for, if any; otherwise the file's default profile is used. */
  public Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  private Optional<String> secretFile(String name) {
    Path file = secretsDir.resolve(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String value = Files.readString(file, StandardCharsets.UTF_8).strip();
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    } catch (IOException e) {
      throw new InvalidSettingsException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private Optional<String> fromProfile(String name) {
    if (!Files.exists(profilesFile)) {
      return Optional.empty();
    }
    Profiles profiles = Profiles.read(profilesFile);
    Optional<Profile> chosen =
        profile == null ? profiles.defaultProfile() : Optional.of(profiles.require(profile));
    return chosen.flatMap(
        p ->
            switch (name) {
              case URL -> Optional.of(p.url());
              case APIKEY -> Optional.of(p.apikey().reveal());
              default -> Optional.empty();
            });
  }

  @Override
  public String toString() {
    return "ReflexSettings[secrets=" + secretsDir + ", profiles=" + profilesFile + "]";
  }

  /** Sources for {@link ReflexSettings}; defaults are the real machine's. */
  public static final class Builder {
    private Path secretsDir = Path.of("/run/secrets");
    private Map<String, String> environment = System.getenv();
    private Path profilesFile;
    private String profile;

    private Builder() {}

    public Builder secretsDir(Path dir) {
      this.secretsDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** The environment to read; also decides the default profile file through {@code XDG_CONFIG_HOME}/{@code HOME}. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    public Builder profilesFile(Path file) {
      this.profilesFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Use this profile instead of the file's default one. */
    public Builder profile(String name) {
      this.profile = Objects.requireNonNull(name, "name");
      return this;
    }

    public ReflexSettings build() {
      return new ReflexSettings(this);
    }
  }
}
