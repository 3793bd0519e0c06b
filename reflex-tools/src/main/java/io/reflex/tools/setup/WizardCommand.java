package io.reflex.tools.setup;

import io.reflex.client.Profile;
import io.reflex.client.Profiles;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.Prompts;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Asks for the profile's settings one line at a time; an empty answer keeps the current value. */
@Command(name = "wizard", mixinStandardHelpOptions = true, description = "Set up a profile interactively")
final class WizardCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  private final Invocation invocation;
  private final ProfileStore store;

  WizardCommand(Invocation invocation, ProfileStore store) {
    this.invocation = invocation;
    this.store = store;
  }

  @Override
  public Integer call() {
    Profiles profiles = store.read();
    Prompts prompts = new Prompts(invocation.context());
    String name = prompts.ask("Profile name", store.currentName(profiles));
    Optional<Profile> existing = profiles.profile(name);
    String url = prompts.ask("Engine URL (http://host:port/api/v1)", existing.map(Profile::url).orElse(""));
    String apikey = prompts.ask("Apikey (name.secret)", existing.map(p -> p.apikey().reveal()).orElse(""), existing.map(ProfileStore::masked).orElse(""));
    if (url.isEmpty() || apikey.isEmpty()) {
      throw CliException.usage("A profile needs both an engine URL and an apikey; nothing was saved");
    }
    Profile profile = Profile.of(url, apikey);
    store.save(profiles, name, profile);
    invocation.out().status("Saved profile '" + name + "': " + profile.url() + " as " + ProfileStore.masked(profile));
    return 0;
  }
}
