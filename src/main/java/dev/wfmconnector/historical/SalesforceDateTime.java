package dev.wfmconnector.historical;

import java.time.Instant;

/**
 * Reads Salesforce datetimes such as {@code 2026-11-24T10:00:00.000+0000} without allocating, straight from a JSON
 * parser's character buffer. Also accepted: {@code Z}, {@code +hh:mm}, no fraction or 1 to 9 fraction digits (kept
 * to the millisecond), and no zone at all (read as UTC, as Salesforce datetimes are).
 */
public final class SalesforceDateTime {

    /** Returned by {@link #parseMillis} for text that is not a datetime. */
    public static final long INVALID = Long.MIN_VALUE;

    private SalesforceDateTime() {
    }

    /** The instant of {@code text}, or null when it is not a datetime. */
    public static Instant parse(CharSequence text) {
        char[] chars = text.toString().toCharArray();
        long millis = parseMillis(chars, 0, chars.length);
        return millis == INVALID ? null : Instant.ofEpochMilli(millis);
    }

    /** Epoch milliseconds of {@code chars[offset, offset + length)}, or {@link #INVALID}. */
    public static long parseMillis(char[] chars, int offset, int length) {
        if (length < 19) {
            return INVALID;
        }
        int p = offset;
        int end = offset + length;
        int year = digits(chars, p, 4);
        int month = digits(chars, p + 5, 2);
        int day = digits(chars, p + 8, 2);
        int hour = digits(chars, p + 11, 2);
        int minute = digits(chars, p + 14, 2);
        int second = digits(chars, p + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || chars[p + 4] != '-' || chars[p + 7] != '-' || (chars[p + 10] != 'T' && chars[p + 10] != ' ')
                || chars[p + 13] != ':' || chars[p + 16] != ':') {
            return INVALID;
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
                return INVALID;
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
            } else if (sign == '+' || sign == '-') {
                int offsetHours = digits(chars, p + 1, Math.min(2, end - p - 1));
                int mm = p + 3 < end && chars[p + 3] == ':' ? p + 4 : p + 3;
                int offsetMinutes = end - mm == 2 ? digits(chars, mm, 2) : -1;
                if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
                    return INVALID;
                }
                offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
                p = end;
            } else {
                return INVALID;
            }
        }
        if (p != end) {
            return INVALID;
        }
        long epochDay = epochDay(year, month, day);
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000 + millis;
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1. */
    private static int digits(char[] chars, int from, int count) {
        if (count <= 0) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
