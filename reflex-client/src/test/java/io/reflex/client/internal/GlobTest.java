package io.reflex.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void plainPrefixGoesToTheEngineUnfiltered() {
    Glob glob = Glob.of("bct-");

    assertThat(glob.enginePrefix()).isEqualTo("bct-");
    assertThat(glob.needsLocalFilter()).isFalse();
    assertThat(glob.matches("BCT-tst")).isTrue();
  }

  @Test
  void globSendsTheLiteralPartBeforeTheFirstWildcard() {
    Glob glob = Glob.of("bct-?-*db");

    assertThat(glob.enginePrefix()).isEqualTo("bct-");
    assertThat(glob.needsLocalFilter()).isTrue();
    assertThat(glob.matches("bct-a-maindb")).isTrue();
    assertThat(glob.matches("bct-ab-db")).isFalse();
    assertThat(glob.matches("bct-a-db-2")).isFalse();
  }

  @Test
  void regexCharactersInAGlobAreLiteral() {
    Glob glob = Glob.of("a.b(*");

    assertThat(glob.enginePrefix()).as("the engine would answer 400 to a dot").isEmpty();
    assertThat(glob.matches("a.b(x")).isTrue();
    assertThat(glob.matches("axb(x")).isFalse();
  }

  @Test
  void prefixTheEngineWouldRefuseIsFilteredLocally() {
    Glob glob = Glob.of("Café");

    assertThat(glob.enginePrefix()).isEmpty();
    assertThat(glob.needsLocalFilter()).isTrue();
    assertThat(glob.matches("café au lait")).isTrue();
  }
}
