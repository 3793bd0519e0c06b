package io.reflex.engine.policy.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.engine.policy.password.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PasswordChecksTest {

    /** libsodium's test vector (cheap parameters), standing in for a hash pasted from elsewhere. */
    private static final String LIBSODIUM_PASSWORD =
            "2vj;Um]FKOL27oam(:Uo8+UmSTvb1FD*h?jk_,S=;RDgF-$Fjk?]9yvfxe@fN^!NN(Cuml?+2Raa";
    private static final String LIBSODIUM_HASH =
            "$7$86....I....7XwIxLtCx4VphmFeUa6OGuGJrFaIaYzDiLNu/tyUPhD$U3q5GCEqCWxMwh.YQHDJrlg7FIZgViv9pcXE3h1vg61";

    private static Map<String, List<String>> groups;

    @BeforeAll
    static void hashPasswords() {
        groups = Map.of(
                "da-codes", List.of(PasswordHash.hash("red-code"), PasswordHash.hash("pässwörd"), LIBSODIUM_HASH),
                "plain-set", List.of("red-code"));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ExpressionContext withHeaders(Map<String, String> headers) {
        return ExpressionContext.builder().tokenName("amy-pond").httpHeaders(headers).groups(groups).build();
    }

    private static boolean eval(String expression, ExpressionContext context) {
        return PolicyExpression.compile(expression).test(context);
    }

    @Test
    void pwinAcceptsAnyPasswordOfTheGroup() {
        String policy = "token_name==\"amy-pond\" and pwin(http_headers, \"da-codes\")";
        assertThat(eval(policy, withHeaders(Map.of("X-Password", base64("red-code"))))).isTrue();
        assertThat(eval(policy, withHeaders(Map.of("X-Password", base64("pässwörd"))))).isTrue();
        assertThat(eval(policy, withHeaders(Map.of("X-Password", base64(LIBSODIUM_PASSWORD))))).isTrue();
    }

    @Test
    void pwinReadsTheHeaderWhateverItsCase() {
        assertThat(eval("pwin(http_headers, 'da-codes')", withHeaders(Map.of("x-password", base64("red-code")))))
                .isTrue();
    }

    @Test
    void pwinRefusesWrongOrMissingPassword() {
        assertThat(eval("pwin(http_headers, 'da-codes')", withHeaders(Map.of("X-Password", base64("blue-code")))))
                .isFalse();
        assertThat(eval("pwin(http_headers, 'da-codes')", withHeaders(Map.of()))).isFalse();
        assertThat(eval("pwin(http_headers, 'da-codes')", withHeaders(Map.of("X-Password", "")))).isFalse();
    }

    @Test
    void pwinNeverRaisesSoItsNegationIsTrue() {
        // the original caught every error inside pwin and answered False
        assertThat(eval("not pwin(http_headers, 'da-codes')", withHeaders(Map.of()))).isTrue();
        assertThat(eval("not pwin(http_headers, 'no-such-group')", withHeaders(Map.of("X-Password", base64("x")))))
                .isTrue();
        assertThat(eval("not pwin(None, 'da-codes')", withHeaders(Map.of()))).isTrue();
    }

    @Test
    void pwinDoesNotMatchPlainTextMembers() {
        assertThat(eval("pwin(http_headers, 'plain-set')", withHeaders(Map.of("X-Password", base64("red-code")))))
                .isFalse();
    }

    @Test
    void pwinIsUndefinedWithoutGroups() {
        ExpressionContext noGroups = ExpressionContext.builder()
                .httpHeaders(Map.of("X-Password", base64("red-code")))
                .build();
        assertThat(eval("pwin(http_headers, 'da-codes')", noGroups)).isFalse();
        assertThat(eval("not pwin(http_headers, 'da-codes')", noGroups)).isFalse();
    }

    @Test
    void pwsinNeedsEverySuppliedPasswordToVerify() {
        String policy = "pwsin(http_headers, 'da-codes')";
        assertThat(eval(policy, withHeaders(Map.of("X-Passwords", base64("[\"red-code\", \"pässwörd\"]"))))).isTrue();
        assertThat(eval(policy, withHeaders(Map.of("X-Passwords", base64("[\"red-code\"]"))))).isTrue();
        assertThat(eval(policy, withHeaders(Map.of("X-Passwords", base64("[\"red-code\", \"blue-code\"]"))))).isFalse();
    }

    @Test
    void pwsinRefusesDuplicates() {
        assertThat(eval("pwsin(http_headers, 'da-codes')",
                        withHeaders(Map.of("X-Passwords", base64("[\"red-code\", \"red-code\"]")))))
                .isFalse();
    }

    @Test
    void pwsinRefusesMalformedHeaders() {
        assertThat(eval("pwsin(http_headers, 'da-codes')", withHeaders(Map.of("X-Passwords", base64("[]")))))
                .isFalse();
        assertThat(eval("pwsin(http_headers, 'da-codes')", withHeaders(Map.of("X-Passwords", base64("red-code")))))
                .isFalse();
        assertThat(eval("pwsin(http_headers, 'da-codes')", withHeaders(Map.of("X-Passwords", base64("[1]")))))
                .isFalse();
        assertThat(eval("pwsin(http_headers, 'da-codes')", withHeaders(Map.of("X-Password", base64("red-code")))))
                .isFalse();
    }
}
