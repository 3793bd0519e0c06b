package io.reflex.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.internal.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The user's profile file, {@code $XDG_CONFIG_HOME/reflex/profiles.json}:
 * {@code {"default": "name", "profiles": {"name": {"url": "...", "apikey": "..."}}}}.
 *
 * <p>It holds apikeys in clear text, so it is written with mode 0600 in a 0700 directory and refused when others
 * can read it, as ssh does with private keys. Writes replace the file atomically, so a crash never leaves a
 * half-written file. Keys this SDK does not know are kept, so a newer CLI's additions survive an older one.
 */
public final class Profiles {
  private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

  private final ObjectNode root;

  private Profiles(ObjectNode root) {
    this.root = root;
  }

  public static Profiles empty() {
    return new Profiles(Json.MAPPER.createObjectNode());
  }

  /** {@code $XDG_CONFIG_HOME/reflex/profiles.json}, or {@code ~/.config/reflex/profiles.json} without it. */
  public static Path defaultFile(Map<String, String> environment) {
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path config;
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      config = Path.of(xdg);
    } else {
      String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
      config = Path.of(home, ".config");
    }
    return config.resolve("reflex").resolve("profiles.json");
  }

  /**
   * @throws InvalidSettingsException when the file is unreadable, not the expected JSON, or readable by others
   */
  public static Profiles read(Path file) {
    refuseLooseMode(file);
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidSettingsException("Cannot read profile file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || (root.has("profiles") && !root.get("profiles").isObject())) {
      throw new InvalidSettingsException(
          "Profile file " + file + " is not {\"default\": ..., \"profiles\": {...}}");
    }
    return new Profiles((ObjectNode) root);
  }

  public Optional<String> defaultName() {
    JsonNode name = root.path("default");
    return name.isTextual() && !name.asText().isEmpty() ? Optional.of(name.asText()) : Optional.empty();
  }

  /** Profile names in file order. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    root.path("profiles").fieldNames().forEachRemaining(names::add);
    return List.copyOf(names);
  }

  /**
   * @throws InvalidSettingsException when the entry exists but lacks a valid url or apikey
   */
  public Optional<Profile> profile(String name) {
    JsonNode entry = root.path("profiles").path(name);
    if (!entry.isObject()) {
      return Optional.empty();
    }
    String url = entry.path("url").asText("");
    String apikey = entry.path("apikey").asText("");
    if (url.isEmpty() || apikey.isEmpty()) {
      throw new InvalidSettingsException("Profile '" + name + "' needs both url and apikey");
    }
    return Optional.of(Profile.of(url, apikey));
  }

  public Profile require(String name) {
    return profile(name)
        .orElseThrow(() -> new InvalidSettingsException("No profile named '" + name + "' in the profile file"));
  }

  /** The profile named by {@code default}. */
  public Optional<Profile> defaultProfile() {
    return defaultName().flatMap(this::profile);
  }

  /** Adds or replaces a profile, keeping other keys of the entry. */
  public Profiles with(String name, Profile profile) {
    Objects.requireNonNull(name, "name");
    ObjectNode copy = root.deepCopy();
    JsonNode profiles = copy.path("profiles");
    ObjectNode all = profiles.isObject() ? (ObjectNode) profiles : copy.putObject("profiles");
    JsonNode existing = all.path(name);
    ObjectNode entry = existing.isObject() ? (ObjectNode) existing : all.putObject(name);
    entry.put("url", profile.url());
    entry.put("apikey", profile.apikey().reveal());
    return new Profiles(copy);
  }

  public Profiles withDefault(String name) {
    if (!names().contains(name)) {
      throw new IllegalArgumentException("No profile named '" + name + "'");
    }
    ObjectNode copy = root.deepCopy();
    copy.put("default", name);
    return new Profiles(copy);
  }

  public Profiles without(String name) {
    ObjectNode copy = root.deepCopy();
    if (copy.path("profiles").isObject()) {
      ((ObjectNode) copy.get("profiles")).remove(name);
    }
    if (defaultName().filter(name::equals).isPresent()) {
      copy.remove("default");
    }
    return new Profiles(copy);
  }

  /**
   * Writes the file atomically with mode 0600, creating missing directories with mode 0700.
   *
   * @throws InvalidSettingsException when the file cannot be written
   */
  public void write(Path file) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    boolean posix = Files.getFileAttributeView(existingAncestor(dir), PosixFileAttributeView.class) != null;
    try {
      createPrivateDirectories(dir, posix);
      FileAttribute<?>[] fileMode =
          posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
      Path temp = Files.createTempFile(dir, ".profiles-", ".tmp", fileMode);
      try {
        Files.write(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        if (posix) {
          Files.setPosixFilePermissions(temp, FILE_MODE);
        }
        move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new InvalidSettingsException("Cannot write profile file " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Profiles" + names();
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void createPrivateDirectories(Path dir, boolean posix) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    createPrivateDirectories(dir.getParent(), posix);
    try {
      if (posix) {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        Files.setPosixFilePermissions(dir, DIR_MODE);
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException raced) {
      // another process made it in between; its mode is its business
    }
  }

  private static Path existingAncestor(Path dir) {
    Path probe = dir;
    while (probe != null && !Files.exists(probe)) {
      probe = probe.getParent();
    }
    return probe == null ? Path.of("/") : probe;
  }

  private static void refuseLooseMode(Path file) {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return;
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      for (PosixFilePermission p : mode) {
        if (!p.name().startsWith("OWNER_")) {
          throw new InvalidSettingsException(
              "Profile file "
                  + file
                  + " is readable by others (mode "
                  + PosixFilePermissions.toString(mode)
                  + "); run chmod 600 on it");
        }
      }
    } catch (IOException e) {
      throw new InvalidSettingsException("Cannot read profile file " + file + ": " + e.getMessage(), e);
    }
  }
}
