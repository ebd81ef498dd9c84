package dev.wfmconnector.historical;

import java.time.Instant;

/**
 * Reads Salesforce datetimes such as {@code 2026-11-24T10:00:00.000+0000} without allocating, straight from a JSON
 * parser's character buffer. Also accepted: {@code Z}, {@code +hh:mm}, no fraction or 1 to 9 fraction digits (kept
 * to the millisecond), and no zone at all (read as UTC, as Salesforce datetimes are).
 */
public final class SalesforceDateTime {

    /** No datetime: an empty field in a row, or what {@link #parseMillis} returns for text that is not a datetime. */
    public static final long NONE = Long.MIN_VALUE;

    private SalesforceDateTime() {
    }

    /** The instant of {@code text}, or null when it is not a datetime. */
    public static Instant parse(CharSequence text) {
        char[] chars = text.toString().toCharArray();
        return instant(parseMillis(chars, 0, chars.length));
    }

    /** The Instant of epoch milliseconds, null for {@link #NONE}. */
    public static Instant instant(long millis) {
        return millis == NONE ? null : Instant.ofEpochMilli(millis);
    }

    /** Epoch milliseconds of an Instant, {@link #NONE} for null. */
    public static long millis(Instant instant) {
        return instant == null ? NONE : instant.toEpochMilli();
    }

    /** Epoch milliseconds of {@code chars[offset, offset + length)}, or {@link #NONE}. */
    public static long parseMillis(char[] chars, int offset, int length) {
        if (length < 19) {
            return NONE;
        }
        int p = offset;
        int end = offset + length;
        int year = 100 * twoDigits(chars, p) + twoDigits(chars, p + 2);
        int month = twoDigits(chars, p + 5);
        int day = twoDigits(chars, p + 8);
        int hour = twoDigits(chars, p + 11);
        int minute = twoDigits(chars, p + 14);
        int second = twoDigits(chars, p + 17);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || chars[p + 4] != '-' || chars[p + 7] != '-' || (chars[p + 10] != 'T' && chars[p + 10] != ' ')
                || chars[p + 13] != ':' || chars[p + 16] != ':') {
            return NONE;
        }
        p += 19;
        int millis = 0;
        if (p < end && chars[p] == '.') {
            p++;
            int fractionDigits = 0;
            while (p < end && chars[p] >= '0' && chars[p] <= '9') {
                if (fractionDigits < 3) {
                    millis = millis * 10 + (chars[p] - '0');
                }
                fractionDigits++;
                p++;
            }
            if (fractionDigits == 0) {
                return NONE;
            }
            for (int i = fractionDigits; i < 3; i++) {
                millis *= 10;
            }
        }
        int offsetSeconds = 0;
        if (p < end) {
            char sign = chars[p];
            if (sign == 'Z' && p + 1 == end) {
                p++;
            } else if ((sign == '+' || sign == '-') && (end - p == 5 || (end - p == 6 && chars[p + 3] == ':'))) {
                int offsetHours = twoDigits(chars, p + 1);
                int offsetMinutes = twoDigits(chars, end - 2);
                if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
                    return NONE;
                }
                offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
                p = end;
            } else {
                return NONE;
            }
        }
        if (p != end) {
            return NONE;
        }
        long seconds = epochDay(year, month, day) * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000 + millis;
    }

    /** The value of the two decimal digits at {@code i}, or a negative number. */
    private static int twoDigits(char[] chars, int i) {
        int tens = chars[i] - '0';
        int units = chars[i + 1] - '0';
        return tens < 0 || tens > 9 || units < 0 || units > 9 ? -100_000 : tens * 10 + units;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
