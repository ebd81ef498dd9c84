package dev.wfmconnector.simulator.scenario;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * Contacts arriving at one queue over a day: a Poisson process whose hourly rate follows a daily curve (quiet
 * night, morning peak around 10:00 UTC, second peak mid-afternoon), lower at the weekend.
 */
final class ArrivalCurve {

    private static final double[] HOURLY_SHARE = {0.4, 0.2, 0.2, 0.2, 0.4, 1.0, 2.5, 4.5, 6.5, 8.0, 8.5, 8.0,
            6.5, 7.0, 7.8, 7.5, 6.5, 5.0, 3.5, 2.5, 1.8, 1.2, 0.8, 0.5};
    private static final double TOTAL_SHARE;
    private static final double WEEKEND_FACTOR = 0.35;
    private static final long HOUR = 3_600_000L;

    static {
        double total = 0;
        for (double share : HOURLY_SHARE) {
            total += share;
        }
        TOTAL_SHARE = total;
    }

    private ArrivalCurve() {
    }

    /** Arrival times (epoch ms, ascending) in {@code [from, dayStart + 24h)} for a weekday volume of {@code perDay}. */
    static List<Long> arrivals(long dayStart, DayOfWeek day, double perDay, long from, Draws draws) {
        double volume = perDay * (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? WEEKEND_FACTOR : 1.0);
        List<Long> times = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            double perHour = volume * HOURLY_SHARE[hour] / TOTAL_SHARE;
            if (perHour <= 0) {
                continue;
            }
            long hourStart = dayStart + hour * HOUR;
            double t = hourStart;
            while (true) {
                t += draws.exponential(HOUR / perHour);
                if (t >= hourStart + HOUR) {
                    break;
                }
                if (t >= from) {
                    times.add((long) t);
                }
            }
        }
        return times;
    }
}
