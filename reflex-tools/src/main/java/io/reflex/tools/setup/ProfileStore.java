package io.reflex.tools.setup;

import io.reflex.client.Profile;
import io.reflex.client.Profiles;
import io.reflex.tools.cli.Invocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The profile file as {@code setup} sees it: which profile a command means ({@code --profile}, else the file's
 * default, else {@code default}) and safe reads and writes through the client's {@link Profiles}.
 */
final class ProfileStore {
  static final String DEFAULT_NAME = "default";

  private final Invocation invocation;

  ProfileStore(Invocation invocation) {
    this.invocation = invocation;
  }

  Path file() {
    return invocation.context().profilesFile();
  }

  Profiles read() {
    return Files.exists(file()) ? Profiles.read(file()) : Profiles.empty();
  }

  /** The profile the command works on. */
  String currentName(Profiles profiles) {
    return invocation.profile().or(profiles::defaultName).orElse(DEFAULT_NAME);
  }

  Optional<Profile> current(Profiles profiles) {
    return profiles.profile(currentName(profiles));
  }

  /** Saves {@code profile}; the first profile saved becomes the default so plain commands find it. */
  void save(Profiles profiles, String name, Profile profile) {
    Profiles updated = profiles.with(name, profile);
    if (updated.defaultName().isEmpty()) {
      updated = updated.withDefault(name);
    }
    updated.write(file());
  }

  /** {@code name.****}: enough to recognise a key, never enough to use it. */
  static String masked(Profile profile) {
    return profile.apikey().name() + ".****";
  }
}
