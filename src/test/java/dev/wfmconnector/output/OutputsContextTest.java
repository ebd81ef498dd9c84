package dev.wfmconnector.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The one application context the output integration tests share: the real routes, an embedded persistent Artemis
 * broker in a temp dir, an in-memory H2 store, and the HTTP output pointed at a {@link TestReceiver} with tiny
 * backoffs (5 attempts, 10 ms doubling, at most 2 s so a Retry-After of 1 s is honoured).
 */
@CamelSpringBootTest
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:outputs;DB_CLOSE_DELAY=-1",
        "spring.security.user.password=outputs-test",
        "connector.outputs.http.max-attempts=5",
        "connector.outputs.http.initial-backoff=PT0.01S",
        "connector.outputs.http.max-backoff=PT2S"})
abstract class OutputsContextTest {
    static final TestReceiver RECEIVER = new TestReceiver();
    private static final Path ARTEMIS_DATA = tempDir();

    @Autowired
    CamelPublisher publisher;

    @Autowired
    DeadLetterStore deadLetters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.artemis.embedded.data-directory", ARTEMIS_DATA::toString);
        registry.add("connector.outputs.http.url", RECEIVER::url);
    }

    @BeforeEach
    void resetReceiver() {
        RECEIVER.reset();
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("artemis-outputs-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
