package dev.wfmconnector.simulator.scenario;

import dev.wfmconnector.simulator.org.Audit;
import dev.wfmconnector.simulator.org.Group;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import dev.wfmconnector.simulator.org.User;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The people of the scenario: agents with their queues (skills), shift start and days off, a few team leads,
 * and one former agent whose user is inactive. Created in the org as {@code User} rows.
 */
final class Roster {

    private static final String[] FIRST_NAMES = {"Aisha", "Ben", "Chloe", "Dmitri", "Elena", "Farah", "George",
            "Hannah", "Ivan", "Julia", "Kofi", "Laura", "Mateo", "Nina", "Oliver", "Priya", "Quentin", "Rosa",
            "Samir", "Tara", "Umar", "Vera", "William", "Xin", "Yusuf", "Zoe", "Anil", "Beatriz", "Connor", "Dana",
            "Emeka", "Fiona", "Grace", "Hugo", "Ines", "Jonas", "Keiko", "Liam", "Maya", "Noah"};
    private static final String[] LAST_NAMES = {"Ahmed", "Brown", "Costa", "Dubois", "Evans", "Fischer", "Garcia",
            "Hughes", "Ivanova", "Jensen", "Kowalski", "Lopez", "Murphy", "Nguyen", "O'Brien", "Patel", "Quinn",
            "Rossi", "Schmidt", "Tanaka", "Usman", "Virtanen", "Walsh", "Xu", "Yilmaz", "Zimmermann", "Andersen",
            "Byrne", "Chen", "Delgado", "Eriksson", "Fernandes", "Gallagher", "Horvat", "Iyer", "Jovanovic", "Kaur",
            "Larsen", "Moreau", "Novak"};
    private static final String[] TIME_ZONES = {"Europe/London", "Europe/London", "Europe/Dublin", "Europe/Berlin",
            "Asia/Kolkata", "America/New_York"};
    private static final LocalTime[] SHIFT_STARTS = {LocalTime.of(6, 0), LocalTime.of(8, 0), LocalTime.of(8, 0),
            LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(12, 0), LocalTime.of(14, 0), LocalTime.of(8, 30),
            LocalTime.of(7, 0), LocalTime.of(13, 0), LocalTime.of(6, 30), LocalTime.of(11, 0), LocalTime.of(9, 30),
            LocalTime.of(15, 0), LocalTime.of(10, 30), LocalTime.of(7, 30), LocalTime.of(12, 30), LocalTime.of(8, 0),
            LocalTime.of(9, 0), LocalTime.of(22, 0)};

    /** One agent: user, the queues it serves, its shift and days off. */
    record AgentProfile(int index, String userId, String name, List<Group> queues, LocalTime shiftStart,
                        Duration shiftLength, Set<DayOfWeek> daysOff) {
        boolean serves(Group queue) {
            return queues.contains(queue);
        }
    }

    private Roster() {
    }

    /** Creates the scenario's users; returns the agents in index order. */
    static List<AgentProfile> create(SimulatedOrg org, ContactCenter center, long seed, int agents, Instant start) {
        Draws draws = Draws.of(seed, 1);
        Map<String, Integer> usernames = new HashMap<>();
        List<AgentProfile> profiles = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            User user = org.addUser(person(draws, usernames, start, org.integrationUserId()).title("Service Agent")
                    .federationIdentifier(draws.chance(0.8) ? "E" + (10_000 + i) : null));
            profiles.add(new AgentProfile(i, user.id(), user.name(), skills(center, i),
                    SHIFT_STARTS[i * 13 % SHIFT_STARTS.length], Duration.ofMinutes(510), daysOff(i)));
        }
        for (int lead = 0; lead < Math.max(1, agents / 12); lead++) {
            org.addUser(person(draws, usernames, start, org.integrationUserId()).title("Team Lead"));
        }
        User former = org.addUser(person(draws, usernames, start, org.integrationUserId()).title("Service Agent"));
        org.updateUser(former.id(), u -> u.active(false));
        return profiles;
    }

    private static User.Builder person(Draws draws, Map<String, Integer> usernames, Instant start,
                                       String createdBy) {
        String first = FIRST_NAMES[draws.index(FIRST_NAMES.length)];
        String last = LAST_NAMES[draws.index(LAST_NAMES.length)];
        String handle = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        int seen = usernames.merge(handle, 1, Integer::sum);
        String username = (seen == 1 ? handle : handle + seen) + "@acme-service.example.com";
        Instant created = start.minus(Duration.ofDays(30 + draws.index(900)));
        return User.builder().name(first, last).username(username).email(username).department("Customer Service")
                .timeZoneSidKey(TIME_ZONES[draws.index(TIME_ZONES.length)])
                .audit(Audit.created(created, createdBy));
    }

    /** 40% chat (sales and support), 30% voice only, 20% email and chat support, 10% everything. */
    private static List<Group> skills(ContactCenter center, int index) {
        return switch (index % 10) {
            case 0, 1, 2, 3 -> List.of(center.chatSales(), center.chatSupport());
            case 4, 5, 6 -> List.of(center.voiceSupport());
            case 7, 8 -> List.of(center.emailSupport(), center.chatSupport());
            default -> center.queues();
        };
    }

    /** Most agents are off at the weekend; every third has two rotating weekdays off instead. */
    private static Set<DayOfWeek> daysOff(int index) {
        if (index % 3 != 2) {
            return Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        DayOfWeek first = DayOfWeek.of(1 + index % 7);
        return Set.of(first, first.plus(1));
    }
}
