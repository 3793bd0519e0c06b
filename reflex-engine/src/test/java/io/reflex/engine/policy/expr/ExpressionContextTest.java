package io.reflex.engine.policy.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionContextTest {

    @ParameterizedTest
    @CsvSource({
        "x-password, X-Password",
        "X-APITOKEN, X-Apitoken",
        "user-agent, User-Agent",
        "x-b64data, X-B64Data",
        "www-authenticate, Www-Authenticate"
    })
    void headerNamesAreTitleCasedLikePython(String raw, String titled) {
        assertThat(ExpressionContext.titleCase(raw)).isEqualTo(titled);
    }

    @Test
    void unsetAttributesAreUndefined() {
        ExpressionContext empty = ExpressionContext.builder().build();

        assertThat(empty.find("token_name", false)).isEmpty();
        assertThat(empty.find("groups", false)).isEmpty();
        assertThat(empty.find("obj", true)).isEmpty();
        assertThat(empty.find("cert_cn", true)).contains("");
    }

    @Test
    void derivedViewsAreBuiltOnceAndReused() {
        ExpressionContext context = ExpressionContext.builder()
                .groups(Map.of("svc-x", List.of("a")))
                .httpHeaders(Map.of("x-password", "c2VjcmV0"))
                .build();

        assertThat(context.find("groups", true).orElseThrow()).isSameAs(context.find("groups", true).orElseThrow());
        assertThat(context.find("groups", false).orElseThrow()).isSameAs(context.find("groups", false).orElseThrow());
        assertThat(context.find("http_headers", false).orElseThrow())
                .isEqualTo(Map.of("X-Password", "c2VjcmV0", "X_Password", "c2VjcmV0"));
    }

    @Test
    void immutableGroupsKeepTheirViewAcrossContexts() {
        Map<String, List<String>> groups = Map.of("svc-x", List.of("a"));

        Object first = ExpressionContext.builder().groups(groups).build().find("groups", true).orElseThrow();
        Object second = ExpressionContext.builder().groups(groups).build().find("groups", true).orElseThrow();

        assertThat(second).isSameAs(first);
    }

    @Test
    void mutableGroupsAreCopiedForEachContext() {
        List<String> members = new ArrayList<>(List.of("a"));
        Map<String, List<String>> groups = Map.of("svc-x", members);
        ExpressionContext before = ExpressionContext.builder().groups(groups).build();
        members.add("b");
        ExpressionContext after = ExpressionContext.builder().groups(groups).build();

        PolicyExpression hasB = PolicyExpression.compile("'b' in groups.svc_x");
        assertThat(hasB.test(before)).isFalse();
        assertThat(hasB.test(after)).isTrue();
    }

    @Test
    void builderCopiesItsInputs() {
        Map<String, List<String>> groups = new HashMap<>(Map.of("g", List.of("a")));
        ExpressionContext context = ExpressionContext.builder().groups(groups).build();
        groups.put("h", List.of("b"));

        assertThat(PolicyExpression.compile("'h' in groups").test(context)).isFalse();
        assertThat(PolicyExpression.compile("'g' in groups").test(context)).isTrue();
    }
}
