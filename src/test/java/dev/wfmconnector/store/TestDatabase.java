package dev.wfmconnector.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh, migrated state store for one test: an in-memory H2 database, or a new schema in the PostgreSQL test
 * database (dropped afterwards). PostgreSQL is at {@value #DEFAULT_POSTGRES_URL} (user postgres, trust auth) unless
 * the environment variable {@code TEST_POSTGRES_URL} names another; when it is not reachable the test fails.
 */
public final class TestDatabase implements AutoCloseable {

    /** The databases the store runs on. */
    public enum Engine { H2, POSTGRESQL }

    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final Engine engine;
    private final HikariDataSource dataSource;
    private final String postgresSchema;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    private TestDatabase(Engine engine, HikariDataSource dataSource, String postgresSchema) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.postgresSchema = postgresSchema;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    public static TestDatabase open(Engine engine) {
        return switch (engine) {
            case H2 -> new TestDatabase(engine,
                    pool("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa"), null);
            case POSTGRESQL -> openPostgres();
        };
    }

    private static TestDatabase openPostgres() {
        String url = postgresUrl();
        String schema = "store_test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        String separator = url.contains("?") ? "&" : "?";
        try (Connection c = DriverManager.getConnection(url + separator + "connectTimeout=5", "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database not reachable at " + url + " as user postgres ("
                    + e.getMessage() + ") The store tests need PostgreSQL 15 there (.ci/run starts one),"
                    + " or TEST_POSTGRES_URL naming another.", e);
        }
        return new TestDatabase(Engine.POSTGRESQL, pool(url + separator + "currentSchema=" + schema, "postgres"), schema);
    }

    static String postgresUrl() {
        String url = System.getenv("TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? DEFAULT_POSTGRES_URL : url;
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(3);
        return new HikariDataSource(config);
    }

    public Engine engine() {
        return engine;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    /** Counts the rows of a table (test assertions). */
    public int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Override
    public void close() {
        if (engine == Engine.H2) {
            jdbc.execute("SHUTDOWN");
        } else {
            jdbc.execute("DROP SCHEMA " + postgresSchema + " CASCADE");
        }
        dataSource.close();
    }

    @Override
    public String toString() {
        return engine == Engine.H2 ? "H2" : "PostgreSQL";
    }
}
