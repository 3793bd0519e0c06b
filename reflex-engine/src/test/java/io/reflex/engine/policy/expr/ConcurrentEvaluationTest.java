package io.reflex.engine.policy.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class ConcurrentEvaluationTest {

    /** One compiled expression and one context shared by many threads, as the engine shares them. */
    @RepeatedTest(5)
    @Timeout(30)
    void sharedExpressionAndContextGiveTheSameAnswerOnEveryThread() throws Exception {
        PolicyExpression expression = PolicyExpression.compile(
                "token_name in groups.dev_team and obj['name'][:3] == 'bct' and http_headers.User_Agent == 'curl'");
        PolicyExpression missing = PolicyExpression.compile("obj['missing'] == 1");
        ExpressionContext context = ExpressionContext.builder()
                .tokenName("amy")
                .groups(Map.of("dev-team", List.of("amy")))
                .httpHeaders(Map.of("user-agent", "curl"))
                .obj(new ObjectMapper().readTree("{\"name\": \"bct-tst\"}"))
                .build();

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    int truths = 0;
                    for (int i = 0; i < 1_000; i++) {
                        truths += expression.test(context) ? 1 : 0;
                        truths += missing.test(context) ? 1 : 0;
                    }
                    return truths;
                });
            }
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(1_000);
            }
        }
    }
}
