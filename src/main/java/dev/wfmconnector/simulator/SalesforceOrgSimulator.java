package dev.wfmconnector.simulator;

import dev.wfmconnector.simulator.auth.AccessTokens;
import dev.wfmconnector.simulator.pubsub.PubSubFaults;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import dev.wfmconnector.simulator.rest.ApiVersions;
import dev.wfmconnector.simulator.rest.RestFaults;
import dev.wfmconnector.simulator.rest.RestServer;
import dev.wfmconnector.simulator.scenario.ContactCenter;
import dev.wfmconnector.simulator.scenario.ScenarioEngine;
import dev.wfmconnector.simulator.scenario.ScenarioSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulated Salesforce org on loopback: OAuth client-credentials login, the REST API (versions, query and
 * queryAll with paging, describe, limits), an Omni-Channel contact center running a seeded scenario, fault
 * injection and the platform event {@code WFM_Agent_State__e} on every agent presence change.
 *
 * <pre>{@code
 * try (var sim = SalesforceOrgSimulator.builder().client("id", "secret").history(Duration.ofDays(1)).build()) {
 *     sim.start();
 *     component.setLoginUrl(sim.baseUrl());
 *     ...
 * }
 * }</pre>
 *
 * The Pub/Sub API server (package {@code simulator.pubsub}) shares {@link #accessTokens()} and is connected with
 * {@link #connectPubSub(PlatformEvents, PubSubFaults)}.
 */
public final class SalesforceOrgSimulator implements AutoCloseable {

    /** The platform event published on agent presence changes. */
    public static final String AGENT_STATE_EVENT = "WFM_Agent_State__e";

    private final SimulatedOrg org;
    private final ContactCenter contactCenter;
    private final ScenarioEngine scenario;
    private final AccessTokens tokens;
    private final SimulatorFaults faults;
    private final RestServer server;
    private final Clock clock;
    private final boolean live;
    private final Duration liveTick;
    private final String eventTopic;
    private volatile PlatformEvents platformEvents;
    private volatile boolean publishing;
    private boolean started;

    private SalesforceOrgSimulator(Builder b) {
        this.clock = b.clock;
        this.org = new SimulatedOrg(b.seed, b.clock);
        this.contactCenter = ContactCenter.install(org);
        this.tokens = new AccessTokens(org.orgId(), b.tokenTimeToLive, b.clock);
        RestFaults restFaults = new RestFaults();
        this.faults = new SimulatorFaults(tokens, restFaults);
        this.scenario = new ScenarioEngine(org, contactCenter, new ScenarioSettings(b.seed, b.agents, b.contactVolume),
                b.clock.instant().minus(b.history));
        this.server = new RestServer(new RestServer.Settings(b.port, b.versions, b.pageSize, b.clients,
                b.dailyApiRequests, b.cursorIdleTimeout, b.maxOpenCursors, b.loginDomainHost, b.threads),
                org, tokens, restFaults, faults);
        this.live = b.live;
        this.liveTick = b.liveTick;
        this.eventTopic = "/event/" + b.platformEventName;
        this.platformEvents = b.platformEvents;
        org.setPresenceListener(this::publishPresence);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Pre-fills the history (no events for it), starts the HTTP server and, when live, keeps the scenario at the
     * clock's time. Presence changes from then on (scenario or scripted) are published as platform events.
     */
    public synchronized SalesforceOrgSimulator start() {
        if (started) {
            return this;
        }
        scenario.advanceTo(clock.instant());
        publishing = true;
        server.start();
        if (live) {
            scenario.runLive(clock, liveTick);
        }
        started = true;
        return this;
    }

    /** {@code http://127.0.0.1:<port>}: the login URL and instance URL (camel-salesforce's {@code loginUrl}). */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The OAuth token endpoint, {@code <baseUrl>/services/oauth2/token}. */
    public String tokenUrl() {
        return baseUrl() + "/services/oauth2/token";
    }

    /** A host acting as login.salesforce.com (refuses client credentials), when enabled in the builder; else null. */
    public String loginDomainUrl() {
        return server.loginDomainUrl();
    }

    /**
     * REST API calls the org counted today (UTC, by the org's clock), as {@code /limits} reports them: the calls it
     * answered, not those refused for a fault or an invalid session.
     */
    public int apiRequestsUsed() {
        return server.apiRequestsUsed();
    }

    /** The org's data and its scripting API. */
    public SimulatedOrg org() {
        return org;
    }

    public String orgId() {
        return org.orgId();
    }

    /** The channels, queues and presence statuses of the org. */
    public ContactCenter contactCenter() {
        return contactCenter;
    }

    /** The running contact-center scenario (advance it by hand when not live). */
    public ScenarioEngine scenario() {
        return scenario;
    }

    public SimulatorFaults faults() {
        return faults;
    }

    /** The org's tokens, shared with the Pub/Sub API server. */
    public AccessTokens accessTokens() {
        return tokens;
    }

    /** {@code /event/WFM_Agent_State__e} unless configured otherwise. */
    public String platformEventTopic() {
        return eventTopic;
    }

    /** Connects the Pub/Sub API server: it receives the platform events and implements the Pub/Sub faults. */
    public void connectPubSub(PlatformEvents events, PubSubFaults pubSubFaults) {
        this.platformEvents = events;
        faults.connectPubSub(pubSubFaults);
    }

    @Override
    public synchronized void close() {
        scenario.close();
        server.close();
    }

    private void publishPresence(String userId, String activity, Instant since) {
        PlatformEvents sink = platformEvents;
        if (!publishing || sink == null) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("UserId__c", userId);
        fields.put("StatusName__c", activity);
        fields.put("StatusStartDate__c", since);
        sink.publish(eventTopic, fields);
    }

    /** Settings of a simulator; only {@link #client(String, String)} is required. */
    public static final class Builder {
        private long seed = 42;
        private int agents = 50;
        private double contactVolume = 1.0;
        private Duration history = Duration.ZERO;
        private boolean live;
        private Duration liveTick = Duration.ofMillis(250);
        private int port;
        private int pageSize = 2000;
        private ApiVersions versions = ApiVersions.between("31.0", "62.0");
        private Duration tokenTimeToLive = Duration.ofHours(2);
        private final Map<String, String> clients = new LinkedHashMap<>();
        private PlatformEvents platformEvents;
        private String platformEventName = AGENT_STATE_EVENT;
        private Clock clock = Clock.systemUTC();
        private int dailyApiRequests = 100_000;
        private Duration cursorIdleTimeout = Duration.ofMinutes(15);
        private int maxOpenCursors = 10;
        private boolean loginDomainHost;
        private int threads = 8;

        private Builder() {
        }

        /** Seed of every random draw (users, shifts, contacts); default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Number of agents (default 50); 0 gives an org with its catalog only, to script by hand. */
        public Builder agents(int agents) {
            this.agents = agents;
            return this;
        }

        /** Contact volume multiplier (default 1: about 2,100 contacts a weekday per 50 agents). */
        public Builder contactVolume(double contactVolume) {
            this.contactVolume = contactVolume;
            return this;
        }

        /** How much past the scenario pre-fills before {@link #start()} (default none). */
        public Builder history(Duration history) {
            this.history = history;
            return this;
        }

        /** Whether the scenario keeps running at the clock's time after start (default false). */
        public Builder live(boolean live) {
            this.live = live;
            return this;
        }

        /** How often the live scenario catches up with the clock (default 250 ms). */
        public Builder liveTick(Duration liveTick) {
            this.liveTick = liveTick;
            return this;
        }

        /** Loopback port; 0 (default) takes a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Rows per query page (default 2000, as Salesforce). */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** Served API versions, e.g. {@code ("31.0", "62.0")} (the default). */
        public Builder apiVersions(String oldest, String newest) {
            this.versions = ApiVersions.between(oldest, newest);
            return this;
        }

        /** How long an access token works (default 2 hours). */
        public Builder tokenTimeToLive(Duration tokenTimeToLive) {
            this.tokenTimeToLive = tokenTimeToLive;
            return this;
        }

        /** Accepts this OAuth client (a connected app's consumer key and secret); may be called again for more. */
        public Builder client(String clientId, String clientSecret) {
            clients.put(clientId, clientSecret);
            return this;
        }

        /** Where agent presence events go (e.g. the Pub/Sub server); may also be connected later. */
        public Builder platformEvents(PlatformEvents platformEvents) {
            this.platformEvents = platformEvents;
            return this;
        }

        /** The platform event's API name (default {@code WFM_Agent_State__e}). */
        public Builder platformEventName(String platformEventName) {
            this.platformEventName = platformEventName;
            return this;
        }

        /** The org's clock (default system UTC): token expiry, "now" of the scenario, today in SOQL. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The daily REST API allocation (default 100,000); past it calls get 403 REQUEST_LIMIT_EXCEEDED. */
        public Builder dailyApiRequests(int dailyApiRequests) {
            this.dailyApiRequests = dailyApiRequests;
            return this;
        }

        /** Query cursors close after this long unused (default 15 minutes). */
        public Builder cursorIdleTimeout(Duration cursorIdleTimeout) {
            this.cursorIdleTimeout = cursorIdleTimeout;
            return this;
        }

        /** At most this many open query cursors; the least recently used closes first (default 10, as Salesforce). */
        public Builder maxOpenCursors(int maxOpenCursors) {
            this.maxOpenCursors = maxOpenCursors;
            return this;
        }

        /** Also listen on a second port acting as login.salesforce.com, which refuses client credentials. */
        public Builder loginDomainHost(boolean loginDomainHost) {
            this.loginDomainHost = loginDomainHost;
            return this;
        }

        /** HTTP worker threads (default 8). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public SalesforceOrgSimulator build() {
            if (clients.isEmpty()) {
                throw new IllegalStateException("configure at least one OAuth client with client(id, secret)");
            }
            if (pageSize < 1 || history.isNegative()) {
                throw new IllegalArgumentException("page size must be positive and history not negative");
            }
            return new SalesforceOrgSimulator(this);
        }
    }
}
