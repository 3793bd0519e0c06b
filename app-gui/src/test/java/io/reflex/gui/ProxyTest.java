package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.gui.connection.ConnectionState;
import io.reflex.gui.connection.ProfileTarget;
import io.reflex.gui.connection.ProxySettings;
import io.reflex.gui.connection.SavedConnections;
import java.net.ServerSocket;
import java.nio.file.Files;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;

/** Connections through an HTTP proxy: the dialog's checks, a real proxy in between, and a proxy that is not there. */
class ProxyTest extends ConsoleRobotTest {

    @Test
    void wrongProxyFieldsAreNamedInTheDialogAndConnectStaysOff() {
        clickOn("#connection-button");
        clickOn("#connection-new");
        fill("#connection-url", engine.url());
        fill("#connection-apikey", engine.apikey());
        interact(() -> lookup("#proxy-kind").<ProxySettings.Kind>queryComboBox().setValue(ProxySettings.Kind.HTTP));
        assertThat(text("#proxy-problem")).isEqualTo("The proxy needs a host name or address.");
        assertThat(lookup("#connection-connect").query().isDisabled()).isTrue();

        fill("#proxy-host", "http://proxy.example.com");
        assertThat(text("#proxy-problem")).startsWith("Give the proxy host alone, without scheme or path");
        fill("#proxy-host", "proxy.example.com");
        fill("#proxy-port", "99999");
        assertThat(text("#proxy-problem")).isEqualTo("The proxy port must be a number from 1 to 65535.");
        fill("#proxy-port", "3128");
        fill("#proxy-user", "alice");
        assertThat(text("#proxy-problem")).isEqualTo("Give both the proxy user and password, or neither.");
        fill("#proxy-password", "wonderland");
        assertThat(text("#proxy-problem")).isEmpty();
        assertThat(lookup("#connection-connect").query().isDisabled()).isFalse();
        clickOn("Cancel");
    }

    @Test
    void aProxyThatDoesNotAnswerIsBlamedInTheStatusBar() throws Exception {
        int nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = free.getLocalPort();
        }
        clickOn("#connection-button");
        clickOn("#connection-new");
        fill("#connection-name", "behind-proxy");
        fill("#connection-url", engine.url());
        fill("#connection-apikey", engine.apikey());
        interact(() -> lookup("#proxy-kind").<ProxySettings.Kind>queryComboBox().setValue(ProxySettings.Kind.HTTP));
        fill("#proxy-host", "127.0.0.1");
        fill("#proxy-port", String.valueOf(nobody));
        clickOn("#connection-connect");

        assertThat(console.model().getConnection().getState()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(text("#connection-status")).startsWith("Not connected · behind-proxy (")
                .contains("No answer through the HTTP proxy 127.0.0.1:" + nobody)
                .endsWith("check the proxy settings of this connection.");
    }

    @Test
    void callsGoThroughAnHttpProxyWithCredentialsAndTheSavedConnectionKeepsTheProxy() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy(Credentials.basic("alice", "wonderland"))) {
            clickOn("#connection-button");
            clickOn("#connection-new");
            fill("#connection-name", "via-proxy");
            fill("#connection-url", engine.url());
            fill("#connection-apikey", engine.apikey());
            interact(() -> lookup("#proxy-kind").<ProxySettings.Kind>queryComboBox()
                    .setValue(ProxySettings.Kind.HTTP));
            fill("#proxy-host", "127.0.0.1");
            fill("#proxy-port", String.valueOf(proxy.port()));
            fill("#proxy-user", "alice");
            fill("#proxy-password", "wonderland");
            clickOn("#connection-connect");

            assertThat(text("#connection-status")).startsWith("Connected · via-proxy (");
            assertThat(text("#object-count")).isEqualTo("6 services");
            assertThat(proxy.forwarded()).anyMatch(line -> line.startsWith("GET " + engine.url() + "/service"));

            SavedConnections saved = new SavedConnections(configDir());
            ProfileTarget target = (ProfileTarget) saved.target("via-proxy").orElseThrow();
            assertThat(target.proxy()).isEqualTo(new ProxySettings(ProxySettings.Kind.HTTP, "127.0.0.1",
                    proxy.port(), "alice", "wonderland"));
            assertThat(Files.readString(configDir().resolve("console-profiles.json"))).doesNotContain("wonderland");

            ProfileTarget wrongPassword = new ProfileTarget("wrong", engine.url(), engine.apikey(),
                    new ProxySettings(ProxySettings.Kind.HTTP, "127.0.0.1", proxy.port(), "alice", "looking-glass"));
            interact(() -> console.model().connect(wrongPassword));
            assertThat(text("#connection-status"))
                    .endsWith("The HTTP proxy 127.0.0.1:" + proxy.port() + " refused the connection: it wants other credentials.");
        }
    }
}
