package dev.wfmconnector.simulator.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API versions an org serves (a contiguous range such as 31.0 to 62.0) with their release labels
 * (three releases a year: 53.0 is Winter '22, 54.0 Spring '22, 55.0 Summer '22).
 */
public record ApiVersions(int oldest, int newest) {

    private static final Pattern VERSION = Pattern.compile("v?(\\d{2,3})\\.0");
    private static final String[] SEASONS = {"Winter", "Spring", "Summer"};

    public ApiVersions {
        if (oldest < 20 || newest < oldest) {
            throw new IllegalArgumentException("bad API version range " + oldest + ".0.." + newest + ".0");
        }
    }

    /** Parses a range from versions written {@code 53.0} or {@code v53.0}. */
    public static ApiVersions between(String oldest, String newest) {
        return new ApiVersions(major(oldest), major(newest));
    }

    /** The served version named by a URL segment like {@code v53.0}, or -1. */
    public double served(String segment) {
        Matcher m = VERSION.matcher(segment);
        if (!segment.startsWith("v") || !m.matches()) {
            return -1;
        }
        int major = Integer.parseInt(m.group(1));
        return major >= oldest && major <= newest ? major : -1;
    }

    /** The {@code GET /services/data} answer: {@code [{label, url, version}]}, oldest first. */
    public List<Map<String, String>> listing() {
        List<Map<String, String>> versions = new ArrayList<>();
        for (int v = oldest; v <= newest; v++) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("label", label(v));
            entry.put("url", "/services/data/v" + v + ".0");
            entry.put("version", v + ".0");
            versions.add(entry);
        }
        return versions;
    }

    static String label(int major) {
        int k = major - 53;
        int year = 22 + Math.floorDiv(k, 3);
        return SEASONS[Math.floorMod(k, 3)] + " '" + String.format("%02d", Math.floorMod(year, 100));
    }

    private static int major(String version) {
        Matcher m = VERSION.matcher(version.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("API version must look like 53.0: " + version);
        }
        return Integer.parseInt(m.group(1));
    }
}
