package dev.wfmconnector.users;

import dev.wfmconnector.store.SalesforceUser;
import java.util.List;

/**
 * One page of a {@code User} query answer, as read by {@link UserPageReader}.
 *
 * @param users          the page's well-formed users, in page order
 * @param badRecords     why each skipped record was bad, e.g. {@code record 17: IsActive is not true or false}
 * @param nextRecordsUrl where the next page is ({@code queryMore}); null on the last page
 */
public record UserPage(List<SalesforceUser> users, List<String> badRecords, String nextRecordsUrl) {
    public UserPage {
        users = List.copyOf(users);
        badRecords = List.copyOf(badRecords);
    }
}
