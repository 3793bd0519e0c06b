package io.reflex.tools.setup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.Profile;
import io.reflex.client.Profiles;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code setup list|set|get|unset}: small commands over {@link ProfileStore}. */
final class ProfileCommands {
  private ProfileCommands() {}

  @Command(name = "list", aliases = {"ls"}, mixinStandardHelpOptions = true, description = "List profiles (apikeys masked)")
  static final class ListProfiles implements Callable<Integer> {
    @Mixin GlobalOptions global;
    private final Invocation invocation;
    private final ProfileStore store;

    ListProfiles(Invocation invocation, ProfileStore store) {
      this.invocation = invocation;
      this.store = store;
    }

    @Override
    public Integer call() {
      Profiles profiles = store.read();
      List<ObjectNode> rows = new ArrayList<>();
      for (String name : profiles.names()) {
        Profile profile = profiles.require(name);
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("profile", name);
        row.put("default", profiles.defaultName().filter(name::equals).isPresent() ? "*" : "");
        row.put("url", profile.url());
        row.put("apikey", ProfileStore.masked(profile));
        rows.add(row);
      }
      invocation.out().rows(List.of("profile", "default", "url", "apikey"), rows);
      return 0;
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Set url and/or apikey of the profile: setup set url=http://host:port/api/v1 apikey=name.secret")
  static final class SetValues implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Parameters(arity = "1..*", paramLabel = "KEY=VALUE")
    List<String> assignments;

    private final Invocation invocation;
    private final ProfileStore store;

    SetValues(Invocation invocation, ProfileStore store) {
      this.invocation = invocation;
      this.store = store;
    }

    @Override
    public Integer call() {
      Map<ProfileKey, String> values = new EnumMap<>(ProfileKey.class);
      for (String assignment : assignments) {
        int eq = assignment.indexOf('=');
        if (eq <= 0 || eq == assignment.length() - 1) {
          throw CliException.usage("Expected KEY=VALUE, got '" + assignment.replaceAll("=.*", "=...") + "'");
        }
        values.put(ProfileKey.parse(assignment.substring(0, eq)), assignment.substring(eq + 1));
      }
      Profiles profiles = store.read();
      String name = store.currentName(profiles);
      Optional<Profile> existing = store.current(profiles);
      String url = values.getOrDefault(ProfileKey.URL, existing.map(Profile::url).orElse(null));
      String apikey = values.getOrDefault(ProfileKey.APIKEY, existing.map(p -> p.apikey().reveal()).orElse(null));
      if (url == null || apikey == null) {
        throw CliException.usage("Profile '" + name + "' is new; give both: setup set url=... apikey=...");
      }
      Profile profile = Profile.of(url, apikey);
      store.save(profiles, name, profile);
      invocation.out().status("Saved profile '" + name + "': " + profile.url() + " as " + ProfileStore.masked(profile));
      return 0;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Print one setting, or all as export lines (the apikey masked)")
  static final class GetValue implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Parameters(arity = "0..1", paramLabel = "KEY", description = "url or apikey")
    String key;

    private final Invocation invocation;
    private final ProfileStore store;

    GetValue(Invocation invocation, ProfileStore store) {
      this.invocation = invocation;
      this.store = store;
    }

    @Override
    public Integer call() {
      Profiles profiles = store.read();
      Profile profile =
          store
              .current(profiles)
              .orElseThrow(() -> CliException.notFound("No profile '" + store.currentName(profiles) + "'; run reflex setup set"));
      if (key != null) {
        invocation.out().line(value(profile, ProfileKey.parse(key)));
        return 0;
      }
      for (ProfileKey each : ProfileKey.values()) {
        invocation.out().line("export " + each.envName() + "=" + value(profile, each));
      }
      return 0;
    }

    private static String value(Profile profile, ProfileKey key) {
      return switch (key) {
        case URL -> profile.url();
        case APIKEY -> ProfileStore.masked(profile);
      };
    }
  }

  /**
   * A profile needs both url and apikey to be usable, so unsetting either removes the profile rather than
   * leaving one the client would refuse.
   */
  @Command(name = "unset", mixinStandardHelpOptions = true,
      description = "Forget url or apikey; a profile needs both, so the profile is removed")
  static final class UnsetValue implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Parameters(index = "0", paramLabel = "KEY", description = "url or apikey")
    String key;

    private final Invocation invocation;
    private final ProfileStore store;

    UnsetValue(Invocation invocation, ProfileStore store) {
      this.invocation = invocation;
      this.store = store;
    }

    @Override
    public Integer call() {
      ProfileKey.parse(key);
      Profiles profiles = store.read();
      String name = store.currentName(profiles);
      if (!profiles.names().contains(name)) {
        throw CliException.notFound("No profile '" + name + "'");
      }
      profiles.without(name).write(store.file());
      invocation.out().status("Removed profile '" + name + "'");
      return 0;
    }
  }
}
