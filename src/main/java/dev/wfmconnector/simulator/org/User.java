package dev.wfmconnector.simulator.org;

/**
 * A Salesforce {@code User}. {@code Name} is derived from first and last name, as in Salesforce.
 * Build new users with {@link #builder()}; change one with {@link #toBuilder()}.
 */
public record User(String id, String username, String firstName, String lastName, String alias, String email,
                   boolean active, String userType, String federationIdentifier, String timeZoneSidKey,
                   String localeSidKey, String languageLocaleKey, String department, String title,
                   Audit audit) implements SObjectRecord {

    public String name() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).username(username).firstName(firstName).lastName(lastName).alias(alias)
                .email(email).active(active).userType(userType).federationIdentifier(federationIdentifier)
                .timeZoneSidKey(timeZoneSidKey).localeSidKey(localeSidKey).languageLocaleKey(languageLocaleKey)
                .department(department).title(title).audit(audit);
    }

    /**
     * Fluent builder. Defaults: active, {@code UserType = 'Standard'}, time zone {@code Europe/London},
     * locale {@code en_GB}, language {@code en_US}; username, alias and email derived from the name when not set.
     */
    public static final class Builder {
        private String id;
        private String username;
        private String firstName;
        private String lastName;
        private String alias;
        private String email;
        private boolean active = true;
        private String userType = "Standard";
        private String federationIdentifier;
        private String timeZoneSidKey = "Europe/London";
        private String localeSidKey = "en_GB";
        private String languageLocaleKey = "en_US";
        private String department;
        private String title;
        private Audit audit;

        public Builder id(String id) { this.id = id; return this; }
        public Builder username(String username) { this.username = username; return this; }
        public Builder firstName(String firstName) { this.firstName = firstName; return this; }
        public Builder lastName(String lastName) { this.lastName = lastName; return this; }
        public Builder alias(String alias) { this.alias = alias; return this; }
        public Builder email(String email) { this.email = email; return this; }
        public Builder active(boolean active) { this.active = active; return this; }
        public Builder userType(String userType) { this.userType = userType; return this; }
        public Builder federationIdentifier(String federationIdentifier) { this.federationIdentifier = federationIdentifier; return this; }
        public Builder timeZoneSidKey(String timeZoneSidKey) { this.timeZoneSidKey = timeZoneSidKey; return this; }
        public Builder localeSidKey(String localeSidKey) { this.localeSidKey = localeSidKey; return this; }
        public Builder languageLocaleKey(String languageLocaleKey) { this.languageLocaleKey = languageLocaleKey; return this; }
        public Builder department(String department) { this.department = department; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder audit(Audit audit) { this.audit = audit; return this; }

        /** Sets first and last name. */
        public Builder name(String firstName, String lastName) {
            return firstName(firstName).lastName(lastName);
        }

        String id() {
            return id;
        }

        Audit audit() {
            return audit;
        }

        public User build() {
            if (lastName == null || lastName.isBlank()) {
                throw new IllegalArgumentException("a User needs a LastName");
            }
            String handle = (firstName == null ? "" : firstName.toLowerCase() + ".") + lastName.toLowerCase();
            handle = handle.replaceAll("[^a-z0-9.]", "");
            String user = username != null ? username : handle + "@acme-service.example.com";
            String mail = email != null ? email : user;
            String shortName = alias != null ? alias
                    : ((firstName == null ? "" : firstName.substring(0, 1)) + lastName).toLowerCase()
                            .replaceAll("[^a-z0-9]", "");
            if (shortName.length() > 8) {
                shortName = shortName.substring(0, 8);
            }
            return new User(id, user, firstName, lastName, shortName, mail, active, userType, federationIdentifier,
                    timeZoneSidKey, localeSidKey, languageLocaleKey, department, title, audit);
        }
    }
}
