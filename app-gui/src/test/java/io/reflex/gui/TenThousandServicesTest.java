package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.objects.JsonText;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Ten thousand services stay usable: listing, filtering and the count. Writing them takes about a minute, so it
 * runs only with {@code -Dreflex.slow=true}.
 */
@EnabledIfSystemProperty(named = "reflex.slow", matches = "true")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TenThousandServicesTest extends ConsoleRobotTest {

    @Override
    protected void prepare(ReflexClient engineClient) {
        try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 10_000; i++) {
                String json = "{\"name\": \"svc-%05d\", \"pipeline\": \"demo-shop\", \"config\": \"demo-tst\", \"lane\": \"%s\"}"
                        .formatted(i, i % 2 == 0 ? "tst" : "prd");
                writers.submit(() -> engineClient.create(ObjectType.SERVICE, ReflexObject.of(JsonText.parseObject(json))));
            }
        }
    }

    @Test
    void listsFiltersAndCountsTenThousandServicesQuickly() {
        long start = System.nanoTime();
        clickOn("#refresh-button");
        long listMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(text("#object-count")).isEqualTo("10006 services");
        assertThat(listMillis).as("listing 10,000 services, ms").isLessThan(5_000);

        start = System.nanoTime();
        fill("#glob-filter", "svc-09*");
        fill("#expression-filter", "lane=prd");
        long filterMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(text("#object-count")).isEqualTo("500 of 10006 services");
        assertThat(filterMillis).as("filtering, ms").isLessThan(3_000);
    }
}
