package dev.wfmconnector.historical.run;

import dev.wfmconnector.historical.ActivityBucketer;
import dev.wfmconnector.historical.ContactThresholdEvaluator;
import dev.wfmconnector.historical.ContactThresholdEvaluator.UnresolvedContact;
import dev.wfmconnector.historical.IntervalRecord;
import dev.wfmconnector.historical.RowOrder;
import dev.wfmconnector.historical.RunWindow;
import dev.wfmconnector.historical.SharedStrings;
import dev.wfmconnector.historical.SkippedRows;
import dev.wfmconnector.store.EmittedRecord;
import dev.wfmconnector.store.PresenceStatus;
import dev.wfmconnector.store.RunCounts;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One historical run (scheduled, manual or backfill) while it flows through routes/historical.camel.yaml, held in
 * the exchange property {@value #PROPERTY}. Its window is cut into chunks of at most a day; each chunk is read,
 * computed, published and committed before the next, so memory holds one chunk's records. The getters and
 * {@code next...} methods are what the route's SOQL and loops call.
 */
public final class HistoricalRun {

    /** The exchange property holding the run. */
    public static final String PROPERTY = "historicalRun";
    /** Longest chunk of a run: a long window (backfill, catch-up) is computed a day at a time. */
    static final Duration CHUNK = Duration.ofDays(1);

    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    private final ActiveIntegration integration;
    private final long id;
    private final RunKind kind;
    private final RunWindow window;
    private final List<RunWindow> chunks;
    private final Clock clock;
    private final long startedNanos = System.nanoTime();
    private final boolean gateWasOpen;
    private final Supplier<List<UnresolvedContact>> earlierOffers;

    private final List<PresenceStatus> presenceStatuses = new ArrayList<>();
    private final Map<String, String> queueNames = new HashMap<>();
    private final Map<String, SkippedRows> skipped = new TreeMap<>();
    private final SharedStrings sharedStrings = new SharedStrings();
    private int chunkIndex = -1;
    private long recordsRead;
    private long recordsPublished;
    private long pages;
    private int intervalsDone;
    private boolean succeeded;

    // the chunk being computed
    private ActivityBucketer bucketer;
    private ContactThresholdEvaluator evaluator;
    private List<IntervalRecord> computed = List.of();
    private List<String> agentIds = List.of();
    private int nextUser;
    private List<String> userBatch = List.of();
    private final Map<String, SalesforceUser> users = new LinkedHashMap<>();
    private List<StoredUser> agentsToPublish = List.of();
    private List<RecordRevisions.Publication> recordsToPublish = List.of();
    private final List<EmittedRecord> publishedDigests = new ArrayList<>();

    /**
     * @param earlierOffers reads the contacts earlier runs left unresolved (their first offers), asked
     *                      before each chunk's contacts are evaluated
     */
    HistoricalRun(ActiveIntegration integration, long id, RunKind kind, RunWindow window, Clock clock,
                  boolean gateWasOpen, Supplier<List<UnresolvedContact>> earlierOffers) {
        this.earlierOffers = earlierOffers;
        this.integration = integration;
        this.id = id;
        this.kind = kind;
        this.window = window;
        this.chunks = window.isEmpty() ? List.of() : window.chunks(CHUNK);
        this.clock = clock;
        this.gateWasOpen = gateWasOpen;
    }

    // ---------------------------------------------------------------- what the route calls

    /**
     * Moves on to the next chunk of the window with fresh processors (the as-of time of open presence rows is now);
     * false when every chunk is done.
     */
    public boolean nextChunk() {
        integration.checkRunning();
        clearChunk();
        chunkIndex++;
        if (chunkIndex >= chunks.size()) {
            return false;
        }
        RunWindow chunk = chunk();
        bucketer = new ActivityBucketer(chunk, integration.settings().activities(), clock.instant(), RowOrder.SORTED);
        evaluator = new ContactThresholdEvaluator(chunk, integration.settings().serviceLevelThresholdSeconds(),
                integration.settings().abandonedShortContactThresholdSeconds(), RowOrder.SORTED)
                .withEarlierOffers(earlierOffers.get());
        return true;
    }

    /** Start of the chunk as a SOQL datetime, e.g. {@code 2026-11-24T10:00:00Z}. */
    public String getChunkStart() {
        return chunk().start().toString();
    }

    /** End (exclusive) of the chunk as a SOQL datetime. */
    public String getChunkEnd() {
        return chunk().end().toString();
    }

    /** The chunk start less an ISO-8601 duration (e.g. {@code PT1H}), as a SOQL datetime. */
    public String chunkStartMinus(String duration) {
        return chunk().start().minus(Duration.parse(duration)).toString();
    }

    /**
     * The chunk end plus an ISO-8601 duration, but not past the run's window end, as a SOQL datetime: where the window
     * goes on after the chunk, the rows requested there belong to the window too, and a contact offered near the
     * chunk's end needs its later rows (a re-offer, its acceptance) to come out as one run over the window computes
     * it. At the window's end the window ends, as SPEC §8 says; the next run's lookback re-reads it.
     */
    public String chunkEndPlus(String duration) {
        Instant end = chunk().end().plus(Duration.parse(duration));
        return (end.isAfter(window.end()) ? window.end() : end).toString();
    }

    /** Takes the next batch of at most {@code size} of the users seen in the chunk; false when none is left. */
    public boolean nextUserBatch(int size) {
        integration.checkRunning();
        if (nextUser >= agentIds.size()) {
            userBatch = List.of();
            return false;
        }
        userBatch = agentIds.subList(nextUser, Math.min(agentIds.size(), nextUser + size));
        nextUser += userBatch.size();
        return true;
    }

    /** The current batch of user ids as a SOQL list: {@code '005...', '005...'}. */
    public String getUserIds() {
        return userBatch.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- state for the run's beans

    public long id() {
        return id;
    }

    public RunKind kind() {
        return kind;
    }

    public ActiveIntegration integration() {
        return integration;
    }

    public String group() {
        return integration.group();
    }

    public RunWindow window() {
        return window;
    }

    RunWindow chunk() {
        if (chunkIndex < 0 || chunkIndex >= chunks.size()) {
            throw new IllegalStateException("run " + id + " has no chunk in progress");
        }
        return chunks.get(chunkIndex);
    }

    boolean isLastChunk() {
        return chunkIndex == chunks.size() - 1;
    }

    /** Wall time since the run began (not the business clock). */
    Duration took() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    boolean gateWasOpen() {
        return gateWasOpen;
    }

    ActivityBucketer bucketer() {
        return bucketer;
    }

    ContactThresholdEvaluator evaluator() {
        return evaluator;
    }

    /** The user, queue and status ids and names of every page of the run, one String each. */
    SharedStrings sharedStrings() {
        return sharedStrings;
    }

    void addPresenceStatus(PresenceStatus status) {
        presenceStatuses.add(status);
    }

    List<PresenceStatus> presenceStatuses() {
        return presenceStatuses;
    }

    void addQueue(CatalogPageParsers.Queue queue) {
        queueNames.put(queue.id(), queue.name());
    }

    Map<String, String> queueNames() {
        return queueNames;
    }

    void addUser(SalesforceUser user) {
        users.put(user.id(), user);
    }

    Map<String, SalesforceUser> users() {
        return users;
    }

    /** The chunk's computed records and the users seen in its rows (ids that are not Salesforce ids are skipped). */
    void computed(List<IntervalRecord> records, Set<String> seenUserIds) {
        this.computed = records;
        this.bucketer = null;
        this.evaluator = null;
        Set<String> valid = new TreeSet<>();
        for (String userId : seenUserIds) {
            if (SALESFORCE_ID.matcher(userId).matches()) {
                valid.add(userId);
            } else {
                skipped("User", "user id is not a Salesforce id");
            }
        }
        this.agentIds = List.copyOf(valid);
        this.nextUser = 0;
    }

    List<IntervalRecord> computedRecords() {
        return computed;
    }

    List<String> agentIds() {
        return agentIds;
    }

    void toPublish(List<StoredUser> agents, List<RecordRevisions.Publication> records) {
        this.agentsToPublish = agents;
        this.recordsToPublish = records;
        this.computed = List.of();
    }

    List<StoredUser> agentsToPublish() {
        return agentsToPublish;
    }

    List<RecordRevisions.Publication> recordsToPublish() {
        return recordsToPublish;
    }

    void publishedDigest(EmittedRecord digest) {
        publishedDigests.add(digest);
    }

    List<EmittedRecord> publishedDigests() {
        return publishedDigests;
    }

    void pageRead(String sObject, long rows, SkippedRows skippedRows) {
        pages++;
        recordsRead += rows;
        skipped(sObject, skippedRows);
    }

    void skipped(String sObject, SkippedRows rows) {
        if (!rows.isEmpty()) {
            skipped.computeIfAbsent(sObject, o -> new SkippedRows()).addAll(rows);
        }
    }

    void skipped(String sObject, String reason) {
        skipped.computeIfAbsent(sObject, o -> new SkippedRows()).count(reason);
    }

    /** Rows left out, by object. */
    Map<String, SkippedRows> skippedRows() {
        return skipped;
    }

    void published(int envelopes) {
        recordsPublished += envelopes;
    }

    long pages() {
        return pages;
    }

    /** The chunk was published; its intervals count as done. */
    void chunkDone() {
        intervalsDone += chunk().intervalCount();
    }

    RunCounts counts() {
        return new RunCounts(intervalsDone, recordsRead, recordsPublished);
    }

    void succeeded() {
        succeeded = true;
    }

    boolean isSucceeded() {
        return succeeded;
    }

    private void clearChunk() {
        bucketer = null;
        evaluator = null;
        computed = List.of();
        agentIds = List.of();
        userBatch = List.of();
        nextUser = 0;
        users.clear();
        agentsToPublish = List.of();
        recordsToPublish = List.of();
        publishedDigests.clear();
    }

    @Override
    public String toString() {
        return "historical \"" + group() + "\" run " + id + " (" + kind + ", " + window + ")";
    }
}
