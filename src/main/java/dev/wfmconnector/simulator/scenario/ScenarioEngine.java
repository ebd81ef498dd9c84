package dev.wfmconnector.simulator.scenario;

import dev.wfmconnector.simulator.org.AgentWork;
import dev.wfmconnector.simulator.org.Group;
import dev.wfmconnector.simulator.org.ServiceChannel;
import dev.wfmconnector.simulator.org.ServicePresenceStatus;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A contact center running in the simulated org, as a deterministic discrete-event simulation from a seed.
 *
 * <p>Agents work shifts following a {@link DayPlan} (presence rows through {@link SimulatedOrg#agent(String)},
 * so every change is also a platform event once the simulator publishes). Contacts arrive per queue along an
 * {@link ArrivalCurve} and are routed to the agent free the longest among those whose status takes the queue's
 * channel and who have capacity (2 units; a chat takes 1, a call or an email 2). An offered contact rings for a
 * few seconds, then is accepted, declined (Declined row, routed again to another agent), not answered
 * (DeclinedOnPushTimeout) or canceled when the customer's patience runs out. Calls put the agent in "On call".
 * Accepted work ends with after-contact work (HandleTime, AfterConversationActualTime) or, for some chats, a
 * transfer to the other chat queue (Transferred row, then a new row there). A contact abandoned while waiting
 * leaves a Canceled row for the agent next in line (Salesforce leaves one only when the work had been offered;
 * the simulator always does, so abandons are visible). Work still under way stays open.
 *
 * <p>{@link #advanceTo(Instant)} runs the simulation up to an instant (pre-filling history, or in tests);
 * {@link #runLive(Clock, Duration)} keeps it at the clock's time. The same seed, agents and start give the same
 * rows, however the time is advanced.
 */
public final class ScenarioEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioEngine.class);
    private static final long DAY = 86_400_000L;
    private static final int CAPACITY = 2;
    private static final int PUSH_TIMEOUT_SECONDS = 30;

    private final SimulatedOrg org;
    private final ContactCenter center;
    private final ScenarioSettings settings;
    private final List<AgentState> agents = new ArrayList<>();
    private final Map<Group, QueueState> queues = new LinkedHashMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Draws work;
    private long sequence;
    private long now;
    private ScheduledExecutorService live;

    private record Event(long at, long sequence, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int c = Long.compare(at, other.at);
            return c != 0 ? c : Long.compare(sequence, other.sequence);
        }
    }

    public ScenarioEngine(SimulatedOrg org, ContactCenter center, ScenarioSettings settings, Instant start) {
        this.org = org;
        this.center = center;
        this.settings = settings;
        this.work = Draws.of(settings.seed(), 2);
        this.now = start.toEpochMilli();
        double scale = settings.agents() / 50.0 * settings.contactVolume();
        queues.put(center.chatSales(), new QueueState(center.chatSales(), center.chat(), 1, 150, 420, 45, 520 * scale));
        queues.put(center.chatSupport(), new QueueState(center.chatSupport(), center.chat(), 1, 150, 420, 45,
                820 * scale));
        queues.put(center.voiceSupport(), new QueueState(center.voiceSupport(), center.phone(), 2, 100, 300, 75,
                480 * scale));
        queues.put(center.emailSupport(), new QueueState(center.emailSupport(), center.cases(), 2,
                Double.POSITIVE_INFINITY, 360, 30, 260 * scale));
        queues.get(center.chatSales()).transferTo = queues.get(center.chatSupport());
        queues.get(center.chatSupport()).transferTo = queues.get(center.chatSales());
        for (Roster.AgentProfile profile : Roster.create(org, center, settings.seed(), settings.agents(), start)) {
            AgentState agent = new AgentState(profile);
            agents.add(agent);
            profile.queues().forEach(q -> queues.get(q).members.add(agent));
        }
        long today = Math.floorDiv(now, DAY) * DAY;
        planShifts(today - DAY);
        planShifts(today);
        planArrivals(today);
        schedule(today + DAY, () -> planDay(today + DAY));
    }

    /** Runs the simulation up to {@code until}; earlier instants are ignored. */
    public synchronized void advanceTo(Instant until) {
        long target = until.toEpochMilli();
        while (!events.isEmpty() && events.peek().at() <= target) {
            Event event = events.poll();
            now = event.at();
            event.action().run();
        }
        now = Math.max(now, target);
    }

    /** How far the simulation has run. */
    public synchronized Instant now() {
        return Instant.ofEpochMilli(now);
    }

    /** Keeps advancing to the clock's time every {@code tick} until closed. */
    public synchronized void runLive(Clock clock, Duration tick) {
        if (live != null) {
            return;
        }
        live = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sf-simulator-scenario");
            thread.setDaemon(true);
            return thread;
        });
        live.scheduleAtFixedRate(() -> {
            try {
                advanceTo(clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("Scenario step failed", e);
            }
        }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (live != null) {
            live.shutdownNow();
            live = null;
        }
    }

    /** The user ids of the scenario's agents, in roster order. */
    public List<String> agentIds() {
        return agents.stream().map(a -> a.profile.userId()).toList();
    }

    public ContactCenter contactCenter() {
        return center;
    }

    // ---------------------------------------------------------------- planning

    private void planDay(long dayStart) {
        planShifts(dayStart);
        planArrivals(dayStart);
        schedule(dayStart + DAY, () -> planDay(dayStart + DAY));
    }

    /** Schedules the shifts starting on that day; a shift already under way at "now" starts in its current status. */
    private void planShifts(long dayStart) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(dayStart, DAY));
        for (AgentState agent : agents) {
            Roster.AgentProfile profile = agent.profile;
            if (profile.daysOff().contains(date.getDayOfWeek())) {
                continue;
            }
            long shiftStart = date.atTime(profile.shiftStart()).toInstant(ZoneOffset.UTC).toEpochMilli();
            Draws draws = Draws.of(settings.seed(), 3, profile.index(), date.toEpochDay());
            DayPlan.Change current = null;
            for (DayPlan.Change change : DayPlan.plan(center, profile, shiftStart, draws)) {
                if (change.at() < now) {
                    current = change;
                } else {
                    schedule(change.at(), () -> planned(agent, change));
                }
            }
            if (current != null && !current.isLogout()) {
                DayPlan.Change resumed = new DayPlan.Change(now, current.status());
                schedule(now, () -> planned(agent, resumed));
            }
        }
    }

    private void planArrivals(long dayStart) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(dayStart, DAY));
        int q = 0;
        for (QueueState queue : queues.values()) {
            Draws draws = Draws.of(settings.seed(), 4, q++, date.toEpochDay());
            for (long at : ArrivalCurve.arrivals(dayStart, date.getDayOfWeek(), queue.perDay, now, draws)) {
                schedule(at, () -> arrive(new Contact(queue, org.newWorkItemId(queue.channel), at,
                        deadline(queue, at))));
            }
        }
    }

    /** When the customer gives up: a few hang up within 5 s (short abandons), the rest wait 15 s plus a while. */
    private long deadline(QueueState queue, long requestedAt) {
        if (Double.isInfinite(queue.patienceSeconds)) {
            return Long.MAX_VALUE;
        }
        double patience = work.chance(0.03) ? work.between(1, 5) : 15 + work.exponential(queue.patienceSeconds);
        return requestedAt + (long) (patience * 1000);
    }

    private void schedule(long at, Runnable action) {
        events.add(new Event(at, sequence++, action));
    }

    // ---------------------------------------------------------------- agents

    /** A planned status change or logout; deferred while the agent is on a call, a logout also while any work is open. */
    private void planned(AgentState agent, DayPlan.Change change) {
        boolean busy = change.isLogout() ? agent.openWork > 0 : agent.onCall;
        if (busy) {
            agent.deferred = change;
        } else {
            apply(agent, change);
        }
    }

    private void apply(AgentState agent, DayPlan.Change change) {
        agent.deferred = null;
        if (change.isLogout()) {
            if (agent.status != null) {
                detach(agent);
                agent.status = null;
                org.agent(agent.profile.userId()).logout(Instant.ofEpochMilli(now));
            }
        } else {
            setStatus(agent, change.status());
        }
    }

    private void setStatus(AgentState agent, ServicePresenceStatus status) {
        detach(agent);
        agent.status = status;
        org.agent(agent.profile.userId()).status(status, Instant.ofEpochMilli(now));
        attach(agent);
        dispatchFor(agent);
    }

    /** Takes an agent out of every queue's available set (before anything its ordering depends on changes). */
    private void detach(AgentState agent) {
        agent.profile.queues().forEach(q -> queues.get(q).available.remove(agent));
    }

    private void attach(AgentState agent) {
        for (Group q : agent.profile.queues()) {
            QueueState queue = queues.get(q);
            if (agent.canTake(queue)) {
                queue.available.add(agent);
            }
        }
    }

    private void dispatchFor(AgentState agent) {
        agent.profile.queues().stream().map(queues::get)
                .filter(q -> !q.waiting.isEmpty())
                .sorted(Comparator.comparingLong(q -> q.waiting.peekFirst().requestedAt))
                .forEach(this::dispatch);
    }

    /** Offers waiting contacts, oldest first, to the agents free the longest (not ones who declined them). */
    private void dispatch(QueueState queue) {
        for (Contact contact : new ArrayList<>(queue.waiting)) {
            if (queue.available.isEmpty()) {
                return;
            }
            queue.available.stream().filter(a -> !contact.declinedBy.contains(a)).findFirst()
                    .ifPresent(agent -> offer(contact, agent));
        }
    }

    // ---------------------------------------------------------------- contacts

    private void arrive(Contact contact) {
        contact.queue.waiting.addLast(contact);
        if (contact.deadline != Long.MAX_VALUE) {
            schedule(contact.deadline, () -> abandonIfWaiting(contact));
        }
        dispatch(contact.queue);
    }

    private void offer(Contact contact, AgentState agent) {
        QueueState queue = contact.queue;
        queue.waiting.remove(contact);
        detach(agent);
        agent.used += queue.weight;
        agent.openWork++;
        attach(agent);
        Instant offered = Instant.ofEpochMilli(now);
        String rowId = org.addWork(AgentWork.builder().user(agent.profile.userId()).queue(queue.queue.id())
                .channel(queue.channel.id()).workItem(contact.workItemId)
                .requested(Instant.ofEpochMilli(contact.requestedAt)).assigned(offered)
                .capacityWeight((double) queue.weight).pushTimeout(PUSH_TIMEOUT_SECONDS)).id();
        long answerAt = now + (long) work.between(2_000, 12_000);
        if (work.chance(0.015)) {
            long timeout = now + PUSH_TIMEOUT_SECONDS * 1000L;
            if (contact.deadline <= timeout) {
                schedule(contact.deadline, () -> canceledWhileRinging(contact, agent, rowId));
            } else {
                schedule(timeout, () -> declined(contact, agent, rowId, AgentWork.DECLINED_ON_PUSH_TIMEOUT, null));
            }
        } else if (contact.deadline <= answerAt) {
            schedule(contact.deadline, () -> canceledWhileRinging(contact, agent, rowId));
        } else if (work.chance(0.05)) {
            schedule(answerAt, () -> declined(contact, agent, rowId, AgentWork.DECLINED, "Busy with another customer"));
        } else {
            schedule(answerAt, () -> accepted(contact, agent, rowId));
        }
    }

    private void canceledWhileRinging(Contact contact, AgentState agent, String rowId) {
        org.updateWork(rowId, w -> w.canceled(Instant.ofEpochMilli(now)));
        release(agent, contact.queue, false);
    }

    private void declined(Contact contact, AgentState agent, String rowId, String status, String reason) {
        org.updateWork(rowId, w -> w.declined(Instant.ofEpochMilli(now), reason).status(status));
        contact.declinedBy.add(agent);
        contact.queue.waiting.addFirst(contact);
        release(agent, contact.queue, false);
        dispatch(contact.queue);
    }

    private void accepted(Contact contact, AgentState agent, String rowId) {
        QueueState queue = contact.queue;
        org.updateWork(rowId, w -> w.accepted(Instant.ofEpochMilli(now)));
        boolean voice = queue.channel.equals(center.phone());
        if (voice) {
            agent.onCall = true;
            setStatus(agent, center.onCall());
        }
        long talk = (long) (work.skewed(queue.talkSeconds) * 1000);
        if (queue.transferTo != null && work.chance(0.04)) {
            schedule(now + talk, () -> transferred(contact, agent, rowId));
            return;
        }
        int afterContactWork = (int) Math.round(work.skewed(queue.afterContactWorkSeconds));
        schedule(now + talk + afterContactWork * 1000L, () -> {
            org.updateWork(rowId, w -> w.closed(Instant.ofEpochMilli(now))
                    .afterConversationActualTime(afterContactWork));
            release(agent, queue, voice);
        });
    }

    private void transferred(Contact contact, AgentState agent, String rowId) {
        org.updateWork(rowId, w -> w.transferred(Instant.ofEpochMilli(now)));
        release(agent, contact.queue, false);
        QueueState target = contact.queue.transferTo;
        arrive(new Contact(target, contact.workItemId, now, deadline(target, now)));
    }

    /** Frees the capacity a contact held; then a deferred change applies, a call ends in Ready, or new work is routed. */
    private void release(AgentState agent, QueueState queue, boolean callEnded) {
        detach(agent);
        agent.used -= queue.weight;
        agent.openWork--;
        agent.lastFreeAt = now;
        if (callEnded) {
            agent.onCall = false;
        }
        DayPlan.Change deferred = agent.deferred;
        if (deferred != null && (deferred.isLogout() ? agent.openWork == 0 : !agent.onCall)) {
            apply(agent, deferred);
        } else if (callEnded) {
            setStatus(agent, center.ready());
        } else {
            attach(agent);
            dispatchFor(agent);
        }
    }

    private void abandonIfWaiting(Contact contact) {
        QueueState queue = contact.queue;
        if (!queue.waiting.remove(contact) || queue.members.isEmpty()) {
            return;
        }
        AgentState nextInLine = queue.available.stream().filter(a -> !contact.declinedBy.contains(a)).findFirst()
                .orElseGet(() -> queue.members.stream().filter(a -> a.status != null).findFirst()
                        .orElse(queue.members.get((int) Math.floorMod(contact.requestedAt, (long) queue.members.size()))));
        Instant canceled = Instant.ofEpochMilli(now);
        org.addWork(AgentWork.builder().user(nextInLine.profile.userId()).queue(queue.queue.id())
                .channel(queue.channel.id()).workItem(contact.workItemId)
                .requested(Instant.ofEpochMilli(contact.requestedAt)).assigned(canceled).canceled(canceled)
                .capacityWeight((double) queue.weight).pushTimeout(PUSH_TIMEOUT_SECONDS));
    }

    // ---------------------------------------------------------------- state

    /** A queue's routing state: its channel and parameters, waiting contacts, agents able to take one now. */
    private static final class QueueState {
        final Group queue;
        final ServiceChannel channel;
        final int weight;
        final double patienceSeconds;
        final double talkSeconds;
        final double afterContactWorkSeconds;
        final double perDay;
        final ArrayDeque<Contact> waiting = new ArrayDeque<>();
        final TreeSet<AgentState> available = new TreeSet<>(
                Comparator.comparingLong((AgentState a) -> a.lastFreeAt).thenComparingInt(a -> a.profile.index()));
        final List<AgentState> members = new ArrayList<>();
        QueueState transferTo;

        QueueState(Group queue, ServiceChannel channel, int weight, double patienceSeconds, double talkSeconds,
                   double afterContactWorkSeconds, double perDay) {
            this.queue = queue;
            this.channel = channel;
            this.weight = weight;
            this.patienceSeconds = patienceSeconds;
            this.talkSeconds = talkSeconds;
            this.afterContactWorkSeconds = afterContactWorkSeconds;
            this.perDay = perDay;
        }
    }

    private static final class AgentState {
        final Roster.AgentProfile profile;
        ServicePresenceStatus status;
        int used;
        int openWork;
        boolean onCall;
        long lastFreeAt;
        DayPlan.Change deferred;

        AgentState(Roster.AgentProfile profile) {
            this.profile = profile;
        }

        boolean canTake(QueueState queue) {
            return status != null && !onCall && status.channelIds().contains(queue.channel.id())
                    && used + queue.weight <= CAPACITY;
        }
    }

    private static final class Contact {
        final QueueState queue;
        final String workItemId;
        final long requestedAt;
        final long deadline;
        final Set<AgentState> declinedBy = new HashSet<>();

        Contact(QueueState queue, String workItemId, long requestedAt, long deadline) {
            this.queue = queue;
            this.workItemId = workItemId;
            this.requestedAt = requestedAt;
            this.deadline = deadline;
        }
    }
}
