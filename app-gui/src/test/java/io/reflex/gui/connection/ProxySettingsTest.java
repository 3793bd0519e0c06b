package io.reflex.gui.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

    @Test
    void noProxyNeedsNoFields() {
        assertThat(ProxySettings.of(ProxySettings.Kind.NONE, "", "", "", "")).isEqualTo(ProxySettings.NONE);
        assertThat(ProxySettings.NONE.proxy()).isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void aSocksProxyBecomesAnUnresolvedSocksAddress() {
        ProxySettings socks = ProxySettings.of(ProxySettings.Kind.SOCKS, " socks.corp ", "1080", "", "");
        assertThat(socks.proxy().type()).isEqualTo(Proxy.Type.SOCKS);
        InetSocketAddress address = (InetSocketAddress) socks.proxy().address();
        assertThat(address.isUnresolved()).isTrue();
        assertThat(address.getHostString()).isEqualTo("socks.corp");
        assertThat(address.getPort()).isEqualTo(1080);
    }

    @Test
    void badFieldsAreRefusedWithOneSentence() {
        assertThatThrownBy(() -> ProxySettings.of(ProxySettings.Kind.HTTP, "proxy", "0", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The proxy port must be a number from 1 to 65535.");
        assertThat(ProxySettings.problem(ProxySettings.Kind.HTTP, "proxy", "80a", "", "")).isPresent();
        assertThat(ProxySettings.problem(ProxySettings.Kind.HTTP, "pro xy", "80", "", "")).isPresent();
        assertThat(ProxySettings.problem(ProxySettings.Kind.SOCKS, "proxy", "80", "", "secret")).hasValue(
                "Give both the proxy user and password, or neither.");
    }

    @Test
    void thePasswordStaysOutOfTheTextForm() {
        ProxySettings proxy = new ProxySettings(ProxySettings.Kind.HTTP, "proxy", 3128, "alice", "wonderland");
        assertThat(proxy.toString()).isEqualTo("HTTP proxy proxy:3128 as alice").doesNotContain("wonderland");
    }
}
