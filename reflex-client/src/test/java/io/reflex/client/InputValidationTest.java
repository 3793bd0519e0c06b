package io.reflex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InputValidationTest {
  @Test
  void apikeyWithoutDotIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> Apikey.parse("mastersecretvalue"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("REFLEX_APIKEY must look like name.secret, but it has no '.'");
  }

  @Test
  void apikeyNameMustBeUsableAsJti() {
    assertThatThrownBy(() -> Apikey.parse("Master.abc"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageNotContaining("abc");
    assertThatThrownBy(() -> Apikey.parse("master.")).isInstanceOf(InvalidSettingsException.class);
  }

  @Test
  void apikeySplitsAtTheFirstDotOnly() {
    Apikey key = Apikey.parse(" master.abc.def\n");

    assertThat(key.name()).isEqualTo("master");
    assertThat(key.secret().reveal()).isEqualTo("abc.def");
    assertThat(key.toString()).isEqualTo("Apikey[master.****]");
  }

  @Test
  void secretSignsWithDecodedBytesOrFallsBackToText() {
    byte[] raw = {1, 2, 3, 4, 5};
    assertThat(Secret.of(Base64.getEncoder().encodeToString(raw)).signingKey()).isEqualTo(raw);
    assertThat(Secret.of("not base64!").signingKey()).isEqualTo("not base64!".getBytes(StandardCharsets.UTF_8));
    assertThat(Secret.of("hunter2").toString()).isEqualTo("Secret[****]");
  }

  @Test
  void malformedUrlIsRefusedWithTheExpectedForm() {
    assertThatThrownBy(() -> ReflexClient.create("engine:54000/api/v1", "master.abc"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("REFLEX_URL 'engine:54000/api/v1' is not an http(s) URL; expected scheme://host:port/api/v1");
    assertThatThrownBy(() -> ReflexClient.create("ftp://engine/api/v1", "master.abc"))
        .isInstanceOf(InvalidSettingsException.class);
    assertThatThrownBy(() -> ReflexClient.create("http://engine/api/v1?x=1", "master.abc"))
        .isInstanceOf(InvalidSettingsException.class);
  }

  @Test
  void trailingSlashOfTheBaseIsDropped() {
    assertThat(ReflexClient.create("http://engine:54000/api/v1/", "master.abc").url())
        .isEqualTo("http://engine:54000/api/v1");
  }

  @Test
  void newBuilderKeepsUrlAndApikey() {
    ReflexClient client = ReflexClient.create("http://engine:54000/api/v1", "master.abc");

    ReflexClient derived = client.newBuilder().retries(0).build();

    assertThat(derived.url()).isEqualTo(client.url());
    assertThat(derived.apikeyName()).isEqualTo("master");
    assertThat(derived).isNotSameAs(client);
  }
}
