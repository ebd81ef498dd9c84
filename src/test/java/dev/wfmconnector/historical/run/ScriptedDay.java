package dev.wfmconnector.historical.run;

import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.simulator.org.AgentWork;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import java.time.Instant;

/**
 * The hand-scripted evening of 2026-11-23 in a simulator with no scenario agents: three agents (Alice, Bob, Carol),
 * presence rows and contacts in the queues Chat Sales and Voice Support, chosen so every rule of SPEC §3 shows in a
 * few hand-computed figures (see {@link HistoricalScenarioTest}). Carol has only a malformed presence row (no end,
 * not current, nothing after it). Bob is still Ready (open current row) and contact c9 is answered but open when
 * the first run reads; both close late, which the late-close test scripts.
 */
final class ScriptedDay {

    final SalesforceOrgSimulator sim;
    final String alice;
    final String bob;
    final String carol;
    final String chatSales;
    final String voiceSupport;
    /** Bob's open current Ready row from 23:00. */
    final String bobOpenRow;
    /** c9: Chat Sales, requested 23:20:00, accepted by Alice 23:20:10, still open. */
    final String c9;

    ScriptedDay(SalesforceOrgSimulator sim) {
        this.sim = sim;
        SimulatedOrg org = sim.org();
        alice = org.addUser("Alice", "Ng").id();
        bob = org.addUser("Bob", "Okafor").id();
        carol = org.addUser("Carol", "Diaz").id();
        chatSales = sim.contactCenter().chatSales().id();
        voiceSupport = sim.contactCenter().voiceSupport().id();

        // Alice: Ready 21:00-21:20, Lunch (in no list) 21:20-21:25:30, Admin 21:25:30-21:40, Not ready 21:40-21:44:59.600
        org.addPresence(alice, "Ready", at("21:00:00"), at("21:20:00"));
        org.addPresence(alice, "Lunch", at("21:20:00"), at("21:25:30"));
        org.addPresence(alice, "Admin", at("21:25:30"), at("21:40:00"));
        org.addPresence(alice, "Not_Ready", at("21:40:00"), at("21:44:59.600"));
        // Bob: Idle 21:10-21:20, Email (admin list) 21:20-21:35; Ready from 23:00, still open and current
        org.addPresence(bob, "Idle", at("21:10:00"), at("21:20:00"));
        org.addPresence(bob, "Email", at("21:20:00"), at("21:35:00"));
        bobOpenRow = org.addPresence(bob, "Ready", at("23:00:00"), null, true).id();
        // Carol: a malformed row (no end, not current, no later row): counts nothing
        org.addPresence(carol, "Ready", at("22:00:00"), null, false);

        // c0: Voice Support at noon, across the day boundary of a backfill chunked at 12:00: offered 11:59:50, declined
        // by Bob, re-offered and answered by him 12:00:05 (queue time 15 s from the first offer), handle 120 s
        AgentWork beforeNoon = org.addWork(AgentWork.builder().user(bob).queue(voiceSupport)
                .requested(at("11:59:50")).declined(at("11:59:55"), "busy"));
        org.addWork(AgentWork.builder().user(bob).queue(voiceSupport).workItem(beforeNoon.workItemId())
                .requested(at("12:00:01")).accepted(at("12:00:05")).closed(at("12:02:05")));

        // Chat Sales, arrivals in 21:00-21:15
        // c1: answered by Alice after 15 s (within T = 20), handle 300 s with 30 s after-conversation work
        org.addWork(AgentWork.builder().user(alice).queue(chatSales).requested(at("21:01:00"))
                .accepted(at("21:01:15")).closed(at("21:06:15")).afterConversationActualTime(30));
        // c2: declined by Bob, re-offered and answered by Alice: queue time 30 s from the first offer, handle 120 s
        AgentWork declined = org.addWork(AgentWork.builder().user(bob).queue(chatSales).requested(at("21:02:00"))
                .declined(at("21:02:10"), "busy"));
        org.addWork(AgentWork.builder().user(alice).queue(chatSales).workItem(declined.workItemId())
                .requested(at("21:02:12")).accepted(at("21:02:30")).closed(at("21:04:30")));
        // c3: canceled after 4 s (short abandon, S = 5); c4: after 20 s (abandoned within T); c5: after 20.4 s
        org.addWork(AgentWork.builder().user(bob).queue(chatSales).requested(at("21:05:00")).canceled(at("21:05:04")));
        org.addWork(AgentWork.builder().user(bob).queue(chatSales).requested(at("21:07:00")).canceled(at("21:07:20")));
        org.addWork(AgentWork.builder().user(bob).queue(chatSales).requested(at("21:08:00"))
                .canceled(at("21:08:20.400")));
        // c6: assigned to Bob, never accepted: offered, unresolved
        org.addWork(AgentWork.builder().user(bob).queue(chatSales).requested(at("21:14:00")));

        // c7: Chat Sales 21:16:00, answered by Alice after 10 s, transferred at 21:20:10 (handle 240 s) to Voice
        // Support, where it arrives 21:20:15 and Bob answers after 25 s; handle 600 s with 60 s after-conversation work
        AgentWork transferred = org.addWork(AgentWork.builder().user(alice).queue(chatSales).requested(at("21:16:00"))
                .accepted(at("21:16:10")).transferred(at("21:20:10")));
        org.addWork(AgentWork.builder().user(bob).queue(voiceSupport).workItem(transferred.workItemId())
                .requested(at("21:20:15")).accepted(at("21:20:40")).closed(at("21:30:40"))
                .afterConversationActualTime(60));

        // c9: answered after 10 s, still open when the first run reads
        c9 = org.addWork(AgentWork.builder().user(alice).queue(chatSales).requested(at("23:20:00"))
                .accepted(at("23:20:10"))).id();
    }

    /** A time of the scripted evening, 2026-11-23 (UTC). */
    static Instant at(String time) {
        return Instant.parse("2026-11-23T" + time + "Z");
    }
}
