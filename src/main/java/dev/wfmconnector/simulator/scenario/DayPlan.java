package dev.wfmconnector.simulator.scenario;

import dev.wfmconnector.simulator.org.ServicePresenceStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An agent's planned presence for one shift: log in, mostly Ready, with breaks (Not ready), lunch, sometimes
 * training, a meeting, admin and idle spells, email blocks for email agents; then log out. Each entry is a
 * status change at an epoch-millisecond time; a null status is the logout.
 */
final class DayPlan {

    /** One planned change. */
    record Change(long at, ServicePresenceStatus status) {
        boolean isLogout() {
            return status == null;
        }
    }

    private record Block(long start, long length, ServicePresenceStatus status) {
    }

    private static final long MINUTE = 60_000L;

    private DayPlan() {
    }

    static List<Change> plan(ContactCenter c, Roster.AgentProfile agent, long shiftStart, Draws draws) {
        long login = shiftStart + (long) draws.between(-8 * MINUTE, 5 * MINUTE);
        long logout = shiftStart + agent.shiftLength().toMillis() + (long) draws.between(-2 * MINUTE, 12 * MINUTE);
        List<Block> blocks = new ArrayList<>();
        if (draws.chance(0.15)) {
            blocks.add(new Block(login, minutes(draws, 5, 15), c.admin()));
        }
        blocks.add(new Block(shiftStart + hours(draws, 1.8, 2.3), 15 * MINUTE, c.notReady()));
        blocks.add(new Block(shiftStart + hours(draws, 3.6, 4.4), minutes(draws, 30, 45), c.lunch()));
        blocks.add(new Block(shiftStart + hours(draws, 6.2, 6.8), 15 * MINUTE, c.notReady()));
        if (draws.chance(0.12)) {
            blocks.add(new Block(shiftStart + hours(draws, 2.5, 3.0), 60 * MINUTE, c.training()));
        }
        if (draws.chance(0.08)) {
            blocks.add(new Block(shiftStart + hours(draws, 4.8, 5.5), 30 * MINUTE, c.meeting()));
        }
        blocks.add(new Block(shiftStart + hours(draws, 0.5, 7.5), minutes(draws, 10, 20), c.admin()));
        if (agent.serves(c.emailSupport())) {
            blocks.add(new Block(shiftStart + hours(draws, 0.8, 1.2), minutes(draws, 45, 90), c.email()));
            blocks.add(new Block(shiftStart + hours(draws, 5.0, 5.6), minutes(draws, 45, 90), c.email()));
        }
        for (int i = 0; i < 2; i++) {
            blocks.add(new Block(shiftStart + hours(draws, 0.5, 7.8), minutes(draws, 2, 6), c.idle()));
        }
        blocks.sort(Comparator.comparingLong(Block::start));

        List<Change> changes = new ArrayList<>();
        long free = login;
        boolean startsWithBlock = blocks.get(0).start() <= login;
        if (!startsWithBlock) {
            changes.add(new Change(login, c.ready()));
        }
        for (Block block : blocks) {
            long start = Math.max(block.start(), login);
            long end = start + block.length();
            if (start < free || end >= logout) {
                continue;
            }
            changes.add(new Change(start, block.status()));
            changes.add(new Change(end, c.ready()));
            free = end;
        }
        changes.add(new Change(logout, null));
        return changes;
    }

    private static long minutes(Draws draws, int from, int to) {
        return (long) draws.between(from * MINUTE, to * MINUTE);
    }

    private static long hours(Draws draws, double from, double to) {
        return (long) draws.between(from * 60 * MINUTE, to * 60 * MINUTE);
    }
}
