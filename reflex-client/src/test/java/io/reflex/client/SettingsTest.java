package io.reflex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  private static final String KEY_A = "alpha.QUJD";
  private static final String KEY_B = "bravo.REVG";

  @TempDir Path home;

  private Path secrets() throws IOException {
    return Files.createDirectories(home.resolve("run-secrets"));
  }

  private Path profileWith(String url, String apikey) {
    Path file = home.resolve("config/reflex/profiles.json");
    Profiles.empty().with("work", Profile.of(url, apikey)).withDefault("work").write(file);
    return file;
  }

  @Test
  void dockerSecretWinsOverEnvironmentAndProfile() throws IOException {
    Path secrets = secrets();
    Files.writeString(secrets.resolve("REFLEX_URL"), "  http://secret:54000/api/v1\n");
    ReflexSettings settings =
        ReflexSettings.builder()
            .secretsDir(secrets)
            .environment(Map.of("REFLEX_URL", "http://env:54000/api/v1"))
            .profilesFile(profileWith("http://profile:54000/api/v1", KEY_A))
            .build();

    assertThat(settings.find("REFLEX_URL")).contains("http://secret:54000/api/v1");
  }

  @Test
  void environmentWinsOverProfile() throws IOException {
    ReflexSettings settings =
        ReflexSettings.builder()
            .secretsDir(secrets())
            .environment(Map.of("REFLEX_APIKEY", KEY_B))
            .profilesFile(profileWith("http://profile:54000/api/v1", KEY_A))
            .build();

    assertThat(settings.find("REFLEX_APIKEY")).contains(KEY_B);
    assertThat(settings.find("REFLEX_URL")).contains("http://profile:54000/api/v1");
  }

  @Test
  void profileFillsInWhatNothingElseHas() throws IOException {
    ReflexSettings settings =
        ReflexSettings.builder()
            .secretsDir(secrets())
            .environment(Map.of())
            .profilesFile(profileWith("http://profile:54000/api/v1", KEY_A))
            .build();

    ReflexClient client = ReflexClient.fromSettings(settings);

    assertThat(client.url()).isEqualTo("http://profile:54000/api/v1");
    assertThat(client.apikeyName()).isEqualTo("alpha");
  }

  @Test
  void blankSecretFileFallsThroughToTheEnvironment() throws IOException {
    Path secrets = secrets();
    Files.writeString(secrets.resolve("REFLEX_URL"), " \n");
    ReflexSettings settings =
        ReflexSettings.builder()
            .secretsDir(secrets)
            .environment(Map.of("REFLEX_URL", "http://env:1/api"))
            .profilesFile(home.resolve("none.json"))
            .build();

    assertThat(settings.find("REFLEX_URL")).contains("http://env:1/api");
  }

  @Test
  void defaultProfileFileFollowsXdgConfigHome() {
    ReflexSettings settings =
        ReflexSettings.builder().environment(Map.of("XDG_CONFIG_HOME", "/xdg", "HOME", "/home/u")).build();
    ReflexSettings withoutXdg = ReflexSettings.builder().environment(Map.of("HOME", "/home/u")).build();

    assertThat(settings.profilesFile()).isEqualTo(Path.of("/xdg/reflex/profiles.json"));
    assertThat(withoutXdg.profilesFile()).isEqualTo(Path.of("/home/u/.config/reflex/profiles.json"));
  }

  @Test
  void missingSettingSaysWhereItLooked() throws IOException {
    ReflexSettings settings =
        ReflexSettings.builder().secretsDir(secrets()).environment(Map.of()).profilesFile(home.resolve("p.json")).build();

    assertThatThrownBy(() -> ReflexClient.fromSettings(settings))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("REFLEX_URL is not set: looked in " + home.resolve("run-secrets/REFLEX_URL"));
  }

  @Test
  void profileFileIsWrittenOwnerOnlyInAPrivateDirectory() throws IOException {
    Path file = profileWith("http://e:1/api/v1", KEY_A);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())))
        .isEqualTo("rwx------");
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void rewritingKeepsUnknownKeysAndTheModeEvenIfTheOldFileWasLoose() throws IOException {
    Path file = home.resolve("profiles.json");
    Files.writeString(
        file,
        "{\"default\":\"work\",\"theme\":\"dark\",\"profiles\":{\"work\":{\"url\":\"http://e:1/api/v1\","
            + "\"apikey\":\"" + KEY_A + "\",\"note\":\"keep\"}}}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    Profiles.read(file).with("work", Profile.of("http://e:2/api/v1", KEY_B)).write(file);

    Profiles again = Profiles.read(file);
    assertThat(again.require("work")).isEqualTo(Profile.of("http://e:2/api/v1", KEY_B));
    assertThat(Files.readString(file)).contains("\"theme\" : \"dark\"").contains("\"note\" : \"keep\"");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void profileFileReadableByOthersIsRefused() throws IOException {
    Path file = profileWith("http://e:1/api/v1", KEY_A);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> Profiles.read(file))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("is readable by others (mode rw-r--r--); run chmod 600 on it");
  }

  @Test
  void profileToStringHidesTheSecret() {
    Profile profile = Profile.of("http://e:1/api/v1", "alpha.c2VjcmV0LXZhbHVl");

    assertThat(profile.toString()).doesNotContain("c2VjcmV0LXZhbHVl").contains("alpha");
  }
}
