package dev.wfmconnector.simulator.org;

import dev.wfmconnector.salesforce.SalesforceIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The data of one simulated Salesforce org, in memory and thread-safe (one read/write lock; records are
 * immutable, so a query holds the read lock only while it selects rows).
 *
 * <p>It is also the scripting API of hand-computed tests: add users, queues and presence statuses, add presence
 * rows and close them later, add and change AgentWork rows, deactivate users, delete rows (then visible only to
 * queryAll). {@link #agent(String)} acts as an agent does (one current presence row; logout ends it) and reports
 * each change to the {@link PresenceListener}, which publishes the platform event. Ids may be given in their
 * 15- or 18-character form.
 */
public final class SimulatedOrg {

    /** The activity name of a logout in platform events; there is no Offline presence row. */
    public static final String OFFLINE = "Offline";

    /** When the org's standard records (system users, catalog) were created. */
    public static final Instant ORG_CREATED = Instant.parse("2019-03-14T09:00:00Z");

    /** Told of every agent presence change made through {@link #agent(String)}; {@code activity} is the status label or {@code Offline}. */
    @FunctionalInterface
    public interface PresenceListener {
        void presenceChanged(String userId, String activity, Instant since);
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final IdFactory ids;
    private final Clock clock;
    private final String orgId;
    private final Map<SObjectType<?>, LinkedHashMap<String, Row<?>>> tables = new HashMap<>();
    private final Map<String, String> currentPresenceByUser = new HashMap<>();
    private final Map<String, String> channelByQueue = new HashMap<>();
    private final String automatedProcessUserId;
    private final String integrationUserId;
    private volatile PresenceListener presenceListener = (userId, activity, since) -> { };

    public SimulatedOrg(long seed, Clock clock) {
        this.ids = new IdFactory(seed);
        this.clock = clock;
        this.orgId = ids.next(OrgSchema.ORG_PREFIX);
        OrgSchema.all().forEach(type -> tables.put(type, new LinkedHashMap<>()));
        this.automatedProcessUserId = addUser(User.builder().lastName("Automated Process").userType("AutomatedProcess")
                .username("autoproc@" + orgId.toLowerCase() + ".example.com").alias("autoproc")
                .audit(Audit.created(ORG_CREATED, null))).id();
        this.integrationUserId = addUser(User.builder().name("Integration", "User")
                .username("integration@acme-service.example.com").title("API integration")
                .audit(Audit.created(ORG_CREATED, null))).id();
    }

    public String orgId() {
        return orgId;
    }

    /** The user that client-credentials tokens run as (the connected app's "run as" user). */
    public String integrationUserId() {
        return integrationUserId;
    }

    public String automatedProcessUserId() {
        return automatedProcessUserId;
    }

    public Clock clock() {
        return clock;
    }

    public void setPresenceListener(PresenceListener listener) {
        this.presenceListener = listener;
    }

    // ---------------------------------------------------------------- reading

    /** Runs {@code reader} under the read lock, so it sees one consistent state of the org. */
    public <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every row of the object (deleted ones too) in creation order. */
    public List<Row<?>> rows(SObjectType<?> type) {
        return read(() -> new ArrayList<>(tables.get(type).values()));
    }

    /** The non-deleted records of the object in creation order. */
    public <R extends SObjectRecord> List<R> records(SObjectType<R> type) {
        return read(() -> tables.get(type).values().stream().filter(row -> !row.deleted())
                .map(row -> type.recordClass().cast(row.record())).toList());
    }

    /** The row with this id (15 or 18 characters, any case for 18) of any object, or null. */
    public Row<?> find(String id) {
        SObjectType<?> type = OrgSchema.ofId(id);
        if (type == null) {
            return null;
        }
        return read(() -> {
            Row<?> row = tables.get(type).get(id);
            if (row != null || !SalesforceIds.isValid(id)) {
                return row;
            }
            return tables.get(type).get(SalesforceIds.to18(id));
        });
    }

    public int count(SObjectType<?> type) {
        return read(() -> (int) tables.get(type).values().stream().filter(row -> !row.deleted()).count());
    }

    public User user(String id) {
        return get(OrgSchema.USER, id);
    }

    public List<User> users() {
        return records(OrgSchema.USER);
    }

    /** The queue ({@code Group} of type Queue) with this name or API name, ignoring case. */
    public Group queue(String nameOrDeveloperName) {
        return queues().stream()
                .filter(g -> g.name().equalsIgnoreCase(nameOrDeveloperName)
                        || g.developerName().equalsIgnoreCase(nameOrDeveloperName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue named " + nameOrDeveloperName));
    }

    public List<Group> queues() {
        return records(OrgSchema.GROUP).stream().filter(Group::isQueue).toList();
    }

    /** The service channel with this label or API name, ignoring case. */
    public ServiceChannel channel(String labelOrDeveloperName) {
        return records(OrgSchema.SERVICE_CHANNEL).stream()
                .filter(c -> c.masterLabel().equalsIgnoreCase(labelOrDeveloperName)
                        || c.developerName().equalsIgnoreCase(labelOrDeveloperName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service channel named " + labelOrDeveloperName));
    }

    /** The channel whose work a queue routes (Salesforce's routing configuration). */
    public ServiceChannel channelOf(String queueId) {
        String channelId = read(() -> channelByQueue.get(SalesforceIds.to18(queueId)));
        if (channelId == null) {
            throw new IllegalArgumentException("queue " + queueId + " routes no channel");
        }
        return get(OrgSchema.SERVICE_CHANNEL, channelId);
    }

    /** The presence status with this label or API name, ignoring case. */
    public ServicePresenceStatus presenceStatus(String labelOrDeveloperName) {
        return presenceStatuses().stream()
                .filter(s -> s.isNamed(labelOrDeveloperName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no presence status named " + labelOrDeveloperName));
    }

    public List<ServicePresenceStatus> presenceStatuses() {
        return records(OrgSchema.SERVICE_PRESENCE_STATUS);
    }

    /** A user's presence rows in order of start. */
    public List<UserServicePresence> presence(String userId) {
        String id18 = SalesforceIds.to18(userId);
        return records(OrgSchema.USER_SERVICE_PRESENCE).stream()
                .filter(p -> p.userId().equals(id18))
                .sorted(Comparator.comparing(UserServicePresence::statusStartDate))
                .toList();
    }

    /** The user's current (open) presence row, or null when logged out. */
    public UserServicePresence currentPresence(String userId) {
        String id18 = SalesforceIds.to18(userId);
        return read(() -> {
            String rowId = currentPresenceByUser.get(id18);
            return rowId == null ? null : get(OrgSchema.USER_SERVICE_PRESENCE, rowId);
        });
    }

    public AgentWork work(String id) {
        return get(OrgSchema.AGENT_WORK, id);
    }

    public List<AgentWork> work() {
        return records(OrgSchema.AGENT_WORK);
    }

    // ---------------------------------------------------------------- catalog

    public ServiceChannel addChannel(String developerName, String masterLabel, String relatedEntity) {
        return write(() -> store(OrgSchema.SERVICE_CHANNEL, new ServiceChannel(next(OrgSchema.SERVICE_CHANNEL),
                developerName, masterLabel, relatedEntity, Audit.created(ORG_CREATED, automatedProcessUserId))));
    }

    /** Adds a presence status; {@code channels} (labels or API names) are those it takes work from, none for an away status. */
    public ServicePresenceStatus addPresenceStatus(String masterLabel, String developerName, String... channels) {
        List<String> channelIds = Arrays.stream(channels).map(c -> channel(c).id()).toList();
        return write(() -> store(OrgSchema.SERVICE_PRESENCE_STATUS,
                new ServicePresenceStatus(next(OrgSchema.SERVICE_PRESENCE_STATUS), developerName, masterLabel, "en_US",
                        channelIds, Audit.created(ORG_CREATED, automatedProcessUserId))));
    }

    /** Adds an Omni-Channel queue routing the work of {@code channel} (label or API name). */
    public Group addQueue(String name, String developerName, String channel) {
        ServiceChannel serviceChannel = channel(channel);
        return write(() -> {
            Group queue = store(OrgSchema.GROUP, new Group(next(OrgSchema.GROUP), name, developerName, Group.QUEUE,
                    null, Audit.created(ORG_CREATED, automatedProcessUserId)));
            channelByQueue.put(queue.id(), serviceChannel.id());
            return queue;
        });
    }

    /** Adds a public group that is not a queue ({@code Type = 'Regular'}). */
    public Group addGroup(String name, String developerName) {
        return write(() -> store(OrgSchema.GROUP, new Group(next(OrgSchema.GROUP), name, developerName,
                Group.REGULAR, null, Audit.created(ORG_CREATED, automatedProcessUserId))));
    }

    // ---------------------------------------------------------------- users

    /** Adds a user; the id and, when not set, the audit fields (now, by the integration user) are filled in. */
    public User addUser(User.Builder user) {
        return write(() -> {
            Audit audit = user.audit() != null ? user.audit() : Audit.created(clock.instant(), integrationUserId);
            return store(OrgSchema.USER, user.id(next(OrgSchema.USER)).audit(audit).build());
        });
    }

    /** Adds an active standard user with this name (an agent). */
    public User addUser(String firstName, String lastName) {
        return addUser(User.builder().name(firstName, lastName).title("Service Agent").department("Customer Service"));
    }

    /** Changes a user; {@code LastModifiedDate} becomes now. */
    public User updateUser(String userId, UnaryOperator<User.Builder> change) {
        return write(() -> {
            User current = get(OrgSchema.USER, userId);
            User changed = change.apply(current.toBuilder()).id(current.id())
                    .audit(current.audit().modified(clock.instant(), integrationUserId)).build();
            return store(OrgSchema.USER, changed);
        });
    }

    public User deactivateUser(String userId) {
        return updateUser(userId, u -> u.active(false));
    }

    // ---------------------------------------------------------------- presence rows

    /** Adds a closed presence row (not the current state). */
    public UserServicePresence addPresence(String userId, String status, Instant start, Instant end) {
        return addPresence(userId, status, start, end, false);
    }

    /**
     * Adds a presence row as given, without the agent rules of {@link #agent(String)} and without events;
     * e.g. {@code end == null && !currentState} makes a malformed row.
     */
    public UserServicePresence addPresence(String userId, String status, Instant start, Instant end,
                                           boolean currentState) {
        return addPresence(user(userId).id(), presenceStatus(status), start, end, currentState);
    }

    private UserServicePresence addPresence(String userId, ServicePresenceStatus status, Instant start, Instant end,
                                            boolean currentState) {
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("presence row ends before it starts: " + start + " > " + end);
        }
        Audit audit = Audit.created(start, userId);
        return write(() -> {
            UserServicePresence row = new UserServicePresence(next(OrgSchema.USER_SERVICE_PRESENCE), userId,
                    status.id(), start, end, currentState, status.isAway(), 2,
                    end == null ? audit : audit.modified(end, userId));
            if (currentState) {
                currentPresenceByUser.put(userId, row.id());
            }
            return store(OrgSchema.USER_SERVICE_PRESENCE, row);
        });
    }

    /** Ends a presence row at {@code end}; it is no longer the current state. */
    public UserServicePresence closePresence(String presenceId, Instant end) {
        return write(() -> {
            UserServicePresence row = get(OrgSchema.USER_SERVICE_PRESENCE, presenceId);
            if (end.isBefore(row.statusStartDate())) {
                throw new IllegalArgumentException("presence row " + row.id() + " cannot end before its start");
            }
            currentPresenceByUser.remove(row.userId(), row.id());
            return store(OrgSchema.USER_SERVICE_PRESENCE, row.closedAt(end));
        });
    }

    /** Acts as the agent {@code userId} does in the Omni-Channel widget. */
    public AgentActions agent(String userId) {
        return new AgentActions(user(userId).id());
    }

    /** An agent's presence changes: at most one current row; each change is reported to the presence listener. */
    public final class AgentActions {
        private final String userId;

        private AgentActions(String userId) {
            this.userId = userId;
        }

        /** Sets the agent's status (label or API name) at {@code at}, logging in when logged out. */
        public UserServicePresence status(String status, Instant at) {
            return status(presenceStatus(status), at);
        }

        /** Sets the agent's status at {@code at}: ends the current row (if any) and opens a new current one. */
        public UserServicePresence status(ServicePresenceStatus status, Instant at) {
            UserServicePresence row = write(() -> {
                endCurrent(at);
                return addPresence(userId, status, at, null, true);
            });
            presenceListener.presenceChanged(userId, status.masterLabel(), at);
            return row;
        }

        /** Logs the agent out at {@code at}: the current row ends; the event says {@code Offline}. */
        public void logout(Instant at) {
            boolean wasLoggedIn = write(() -> endCurrent(at));
            if (wasLoggedIn) {
                presenceListener.presenceChanged(userId, OFFLINE, at);
            }
        }

        public boolean isLoggedIn() {
            return currentPresence(userId) != null;
        }

        private boolean endCurrent(Instant at) {
            UserServicePresence current = currentPresence(userId);
            if (current == null) {
                return false;
            }
            if (at.isBefore(current.statusStartDate())) {
                throw new IllegalArgumentException("status change at " + at + " before the current row's start "
                        + current.statusStartDate());
            }
            closePresence(current.id(), at);
            return true;
        }
    }

    // ---------------------------------------------------------------- agent work

    /**
     * Adds an AgentWork row. Channel defaults to the queue's channel, the work item to a new id of the
     * channel's object (LiveChatTranscript 570, Case 500, VoiceCall 0LQ), capacity weight to 1.
     */
    public AgentWork addWork(AgentWork.Builder work) {
        User user = user(work.userId());
        String queueId = SalesforceIds.to18(work.originalGroupId());
        get(OrgSchema.GROUP, queueId);
        return write(() -> {
            ServiceChannel channel = work.serviceChannelId() != null
                    ? get(OrgSchema.SERVICE_CHANNEL, work.serviceChannelId()) : channelOf(queueId);
            String workItem = work.workItemId() != null ? SalesforceIds.to18(work.workItemId())
                    : newWorkItemId(channel);
            Audit audit = work.audit() != null ? work.audit() : Audit.created(work.requested(), user.id());
            AgentWork built = work.id(next(OrgSchema.AGENT_WORK)).user(user.id()).queue(queueId)
                    .channel(channel.id()).workItem(workItem).audit(audit).build();
            AgentWork row = built.capacityWeight() == null ? built.toBuilder().capacityWeight(1.0).build() : built;
            return store(OrgSchema.AGENT_WORK, row);
        });
    }

    /** Changes an AgentWork row; derived fields (status, durations) follow unless set explicitly. */
    public AgentWork updateWork(String workId, UnaryOperator<AgentWork.Builder> change) {
        return write(() -> {
            AgentWork current = get(OrgSchema.AGENT_WORK, workId);
            AgentWork.Builder builder = change.apply(current.toBuilder()).id(current.id());
            Instant modified = latest(builder.build());
            return store(OrgSchema.AGENT_WORK,
                    builder.audit(current.audit().modified(modified, current.userId())).build());
        });
    }

    /** A new work item id of the channel's object (chat transcript, case or voice call). */
    public String newWorkItemId(ServiceChannel channel) {
        String prefix = switch (channel.relatedEntity()) {
            case "LiveChatTranscript" -> OrgSchema.CHAT_TRANSCRIPT_PREFIX;
            case "VoiceCall" -> OrgSchema.VOICE_CALL_PREFIX;
            default -> OrgSchema.CASE_PREFIX;
        };
        return ids.next(prefix);
    }

    /** Deletes a row: it keeps its data with {@code IsDeleted = true} and only queryAll returns it. */
    public void delete(String id) {
        write(() -> {
            Row<?> row = find(id);
            if (row == null) {
                throw new IllegalArgumentException("no record " + id);
            }
            tables.get(OrgSchema.ofId(row.id())).put(row.id(), new Row<>(row.record(), true));
            currentPresenceByUser.values().remove(row.id());
            return null;
        });
    }

    /** A new id for records the org does not store as objects (e.g. query locators). */
    public String newId(String keyPrefix) {
        return ids.next(keyPrefix);
    }

    // ---------------------------------------------------------------- internals

    private <T> T write(Supplier<T> writer) {
        lock.writeLock().lock();
        try {
            return writer.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private String next(SObjectType<?> type) {
        return ids.next(type.keyPrefix());
    }

    private <R extends SObjectRecord> R get(SObjectType<R> type, String id) {
        Row<?> row = id == null ? null : find(id);
        if (row == null || row.deleted() || !type.recordClass().isInstance(row.record())) {
            throw new IllegalArgumentException("no " + type.name() + " with id " + id);
        }
        return type.recordClass().cast(row.record());
    }

    /** Inserts or replaces a record (records are immutable: a change stores a new one under the same id). */
    private <R extends SObjectRecord> R store(SObjectType<R> type, R record) {
        tables.get(type).put(record.id(), new Row<>(record, false));
        return record;
    }

    private static Instant latest(AgentWork work) {
        Instant latest = work.requestDateTime();
        for (Instant t : new Instant[] {work.assignedDateTime(), work.acceptDateTime(), work.declineDateTime(),
                work.cancelDateTime(), work.closeDateTime()}) {
            if (t != null && t.isAfter(latest)) {
                latest = t;
            }
        }
        return latest;
    }
}
