package dev.wfmconnector.salesforce;

import java.util.Locale;

/** Group names as they appear in component names, lease names and route ids. */
public final class Groups {
    private Groups() {
    }

    /**
     * A DNS-safe slug of a group (lowercase letters, digits and '-', at most 40 characters), e.g. {@code "EMEA Sales"}
     * → {@code emea-sales}. Groups differing only in case or punctuation share a slug; a short hash keeps them apart.
     */
    public static String slug(String group) {
        String trimmed = group.trim();
        String slug = trimmed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = "group";
        }
        boolean lossy = !slug.equals(trimmed.toLowerCase(Locale.ROOT));
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
            lossy = true;
        }
        return lossy ? slug + "-" + Integer.toHexString(trimmed.toLowerCase(Locale.ROOT).hashCode() & 0xfffff) : slug;
    }
}
