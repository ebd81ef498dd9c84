package dev.wfmconnector.store;

/** Salesforce users for store tests. */
final class Users {
    private Users() {
    }

    static SalesforceUser user(String id, String name) {
        String[] parts = name.split(" ", 2);
        return new SalesforceUser(id, parts[0].toLowerCase() + "@acme.example", parts[0], parts[1], name,
                parts[0].toLowerCase() + "@acme.example", true, "fed-" + id, "Europe/Paris");
    }

    /** An 18-character Salesforce user id from a number. */
    static String id(int n) {
        return "005" + String.format("%015d", n);
    }
}
