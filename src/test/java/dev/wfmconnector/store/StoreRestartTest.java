package dev.wfmconnector.store;

import static dev.wfmconnector.config.IntegrationType.HISTORICAL;
import static dev.wfmconnector.config.IntegrationType.REALTIME;
import static dev.wfmconnector.store.Users.id;
import static dev.wfmconnector.store.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.store.StateCommits.HistoricalRunOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/** The application restarts and finds its state: the store's Spring wiring on an H2 file, closed and opened again. */
class StoreRestartTest {

    private static final Instant WATERMARK = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-11-24T10:02:40Z");
    private static final String TOPIC = "/event/WFM_Agent_State__e";
    private static final byte[] REPLAY_ID = {0, 0, 0, 0, 0, 0, 0x30, 0x39};
    private static final EmittedRecord DIGEST = new EmittedRecord(
            "emea|agent-interval|005000000000000001|2026-11-24T09:45:00Z", 2, "f".repeat(64),
            Instant.parse("2026-11-24T09:45:00Z"), FINISHED);
    private static final SalesforceUser ADA = user(id(1), "Ada Lovelace");

    /** Only the store: datasource, Flyway, JDBC, transactions and the repositories. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class})
    @ComponentScan(basePackageClasses = Watermarks.class)
    static class StoreOnly {
    }

    private static ConfigurableApplicationContext start(Path dir) {
        return new SpringApplicationBuilder(StoreOnly.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("connector") + ";AUTO_SERVER=FALSE",
                        "--camel.main.routes-include-pattern=");
    }

    @Test
    void theStateWrittenBeforeARestartIsFoundAfterIt(@TempDir Path dir) {
        long runId;
        try (ConfigurableApplicationContext app = start(dir)) {
            RunLog runs = app.getBean(RunLog.class);
            runId = runs.queue(HISTORICAL, "emea", RunKind.SCHEDULED, null, null, 0, FINISHED).id();
            app.getBean(StateCommits.class).historicalRunSucceeded(new HistoricalRunOutcome("emea", runId, WATERMARK,
                    List.of(DIGEST), List.of(StoredUser.published(ADA, 1)), new RunCounts(8, 100, 3), FINISHED));
            app.getBean(ReplayCheckpoints.class).save("emea", TOPIC, REPLAY_ID);
            app.getBean(StatusToggles.class).set(REALTIME, "emea", false);
            app.getBean(PresenceStatusCatalog.class).replace("emea",
                    List.of(new PresenceStatus("0N5000000000000001", "Ready", "Ready_for_Work")));
            app.getBean(UserSnapshots.class).save("emea", List.of(StoredUser.published(ADA, 1)));
        }

        try (ConfigurableApplicationContext app = start(dir)) {
            assertThat(app.getBean(Watermarks.class).find("emea")).contains(WATERMARK);
            assertThat(app.getBean(RealtimeGates.class).isOpen("emea")).isTrue();
            assertThat(app.getBean(RunLog.class).find(runId).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(app.getBean(EmittedRecords.class).find("emea", List.of(DIGEST.key()))).containsValue(DIGEST);
            assertThat(app.getBean(AgentRegistry.class).find("emea", ADA.id()).orElseThrow().user()).isEqualTo(ADA);
            assertThat(app.getBean(ReplayCheckpoints.class).find("emea", TOPIC).orElseThrow().replayId())
                    .isEqualTo(REPLAY_ID);
            assertThat(app.getBean(StatusToggles.class).find(REALTIME, "emea").orElseThrow().enabled()).isFalse();
            assertThat(app.getBean(PresenceStatusCatalog.class).statuses("emea")).extracting(PresenceStatus::label)
                    .containsExactly("Ready");
            assertThat(app.getBean(UserSnapshots.class).all("emea")).containsOnlyKeys(ADA.id());
        }
    }
}
