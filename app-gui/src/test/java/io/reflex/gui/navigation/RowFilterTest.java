package io.reflex.gui.navigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reflex.client.ReflexObject;
import io.reflex.gui.objects.JsonText;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RowFilterTest {
    private final List<ReflexObject> rows = List.of(
            row("{\"name\": \"web-prd\", \"lane\": \"prd\", \"region\": \"eu-west\"}"),
            row("{\"name\": \"web-tst\", \"lane\": \"tst\", \"region\": \"eu-west\"}"),
            row("{\"name\": \"API-prd\", \"lane\": \"prd\", \"region\": \"us-east\"}"));

    private static ReflexObject row(String json) {
        return ReflexObject.of(JsonText.parseObject(json));
    }

    private List<String> names(Predicate<ReflexObject> filter) {
        return rows.stream().filter(filter).map(ReflexObject::name).toList();
    }

    @Test
    void globMatchesWholeNamesIgnoringCaseAndPlainTextMatchesAnywhere() {
        assertThat(names(RowFilter.glob("web-*"))).containsExactly("web-prd", "web-tst");
        assertThat(names(RowFilter.glob("*-prd"))).containsExactly("web-prd", "API-prd");
        assertThat(names(RowFilter.glob("api"))).containsExactly("API-prd");
        assertThat(names(RowFilter.glob("we?-t*"))).containsExactly("web-tst");
        assertThat(names(RowFilter.glob("web.prd"))).isEmpty();
    }

    @Test
    void expressionCombinesClausesWithAnd() {
        assertThat(names(RowFilter.expression("lane=prd and region~eu"))).containsExactly("web-prd");
        assertThat(names(RowFilter.expression("lane!=prd"))).containsExactly("web-tst");
        assertThat(names(RowFilter.expression(""))).hasSize(3);
    }

    @Test
    void expressionWithoutOperatorNamesTheClause() {
        assertThatThrownBy(() -> RowFilter.expression("lane=prd and region"))
                .hasMessage("Cannot read 'region'; write field=value, field!=value or field~text, joined by 'and'.");
    }
}
