package dev.wfmconnector.salesforce;

/**
 * Salesforce record ids: 15-character case-sensitive ids and their 18-character case-insensitive form
 * (the 15 characters plus a 3-character suffix encoding which of them are upper-case letters).
 * Used by the simulator and by anything that widens 15-character ids (e.g. a platform event's {@code UserId__c}).
 */
public final class SalesforceIds {

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    /**
     * The canonical 18-character form of an id. A 15-character id gets its suffix; an 18-character id is read
     * case-insensitively, its letters' case restored from the suffix (so {@code 001a0000006vm9riac} gives
     * {@code 001A0000006Vm9rIAC}).
     *
     * @throws IllegalArgumentException when the value is not a valid 15- or 18-character id
     */
    public static String to18(String id) {
        String canonical = canonical(id);
        if (canonical == null) {
            throw new IllegalArgumentException("not a Salesforce id: \"" + id + "\"");
        }
        return canonical;
    }

    /** True for a 15-character alphanumeric id, or an 18-character one whose suffix is consistent (any case). */
    public static boolean isValid(String id) {
        return canonical(id) != null;
    }

    private static String canonical(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18) || !isAlphanumeric(id)) {
            return null;
        }
        if (id.length() == 15) {
            return id + suffix(id);
        }
        char[] base = id.substring(0, 15).toCharArray();
        for (int chunk = 0; chunk < 3; chunk++) {
            int flags = SUFFIX_ALPHABET.indexOf(Character.toUpperCase(id.charAt(15 + chunk)));
            if (flags < 0) {
                return null;
            }
            for (int i = 0; i < 5; i++) {
                char c = base[chunk * 5 + i];
                boolean upper = (flags & (1 << i)) != 0;
                if (upper && !Character.isLetter(c)) {
                    return null;
                }
                base[chunk * 5 + i] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
            }
        }
        String base15 = new String(base);
        return base15 + suffix(base15);
    }

    private static boolean isAlphanumeric(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static String suffix(String base15) {
        char[] suffix = new char[3];
        for (int chunk = 0; chunk < 3; chunk++) {
            int flags = 0;
            for (int i = 0; i < 5; i++) {
                char c = base15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    flags |= 1 << i;
                }
            }
            suffix[chunk] = SUFFIX_ALPHABET.charAt(flags);
        }
        return new String(suffix);
    }
}
