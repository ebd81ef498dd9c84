package dev.wfmconnector.historical.run;

import dev.wfmconnector.historical.AgentWorkPageParser;
import dev.wfmconnector.historical.PresencePageParser;
import dev.wfmconnector.historical.SoqlPageParser;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The Salesforce side of a run's queries (routes/historical.camel.yaml, route {@code historical-query}): fits each
 * SOQL to the org's describe, and streams each raw result page ({@code query} / {@code queryMore} with
 * {@code rawPayload=true}) record by record into what the header {@value #ROWS} names, so a page is never held as a
 * tree and a window never in memory.
 */
@Component("historicalPages")
public class HistoricalPages {

    /** The header naming what a query's rows feed: one of {@link Rows}' wire names. */
    public static final String ROWS = "historicalRows";

    /** What a query's rows feed, by the header value the route sets. */
    enum Rows {
        PRESENCE_STATUSES("presence-statuses", "ServicePresenceStatus"),
        QUEUES("queues", "Group"),
        PRESENCE("presence", "UserServicePresence"),
        WORK("work", "AgentWork"),
        USERS("users", "User");

        final String wireName;
        final String sObject;

        Rows(String wireName, String sObject) {
            this.wireName = wireName;
            this.sObject = sObject;
        }

        static Rows of(String wireName) {
            for (Rows rows : values()) {
                if (rows.wireName.equals(wireName)) {
                    return rows;
                }
            }
            throw new IllegalArgumentException("header " + ROWS + " must name what the rows feed "
                    + "(presence-statuses, queues, presence, work or users), got: " + wireName);
        }
    }

    private static final PresencePageParser PRESENCE = new PresencePageParser();
    private static final AgentWorkPageParser WORK = new AgentWorkPageParser();

    private final HistoricalMetrics metrics;

    public HistoricalPages(HistoricalMetrics metrics) {
        this.metrics = metrics;
    }

    /** The SOQL without the select-list fields the org's describe of its object lacks (measures then count 0). */
    public String selectable(@ExchangeProperty(HistoricalRun.PROPERTY) HistoricalRun run, @Body String soql) {
        run.integration().checkRunning();
        return SoqlSelectList.keepSelectable(soql.strip(), run.integration()::fields);
    }

    /**
     * Streams one result page into the run; returns the page's {@code nextRecordsUrl}, or null when it was the last.
     */
    public String read(@ExchangeProperty(HistoricalRun.PROPERTY) HistoricalRun run, @Header(ROWS) String rowsName,
                       @Body InputStream page) throws IOException {
        run.integration().checkRunning();
        Rows rows = Rows.of(rowsName);
        SoqlPageParser.PageResult result;
        try (InputStream in = page) {
            result = switch (rows) {
                case PRESENCE_STATUSES -> CatalogPageParsers.PRESENCE_STATUSES.parse(in, run::addPresenceStatus);
                case QUEUES -> CatalogPageParsers.QUEUES.parse(in, run::addQueue);
                case PRESENCE -> PRESENCE.parse(in, run.sharedStrings(), run.bucketer());
                case WORK -> WORK.parse(in, run.sharedStrings(), run.evaluator());
                case USERS -> CatalogPageParsers.USERS.parse(in, run::addUser);
            };
        }
        long read = result.rows() + result.skipped().total();
        run.pageRead(rows.sObject, read, result.skipped());
        metrics.read(run.group(), rows.sObject, read);
        metrics.skipped(run.group(), rows.sObject, result.skipped());
        return result.done() || result.nextRecordsUrl() == null ? null : result.nextRecordsUrl();
    }
}
