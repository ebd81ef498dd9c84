package dev.wfmconnector.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.store.SalesforceUser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading query pages of User records as Salesforce writes them. */
class UserPageReaderTest {

    private static final String ANA = """
            {"attributes":{"type":"User","url":"/services/data/v53.0/sobjects/User/005000000000000AAA"},
             "Id":"005000000000000AAA","Username":"ana@acme.example","FirstName":"Ana","LastName":"Lopez",
             "Name":"Ana Lopez","Email":"ana@acme.example","IsActive":true,"FederationIdentifier":"E1001",
             "TimeZoneSidKey":"Europe/Paris"}""";

    @Test
    void readsEveryFieldAndTheNextRecordsUrl() throws IOException {
        UserPage page = read("""
                {"totalSize":4001,"done":false,"nextRecordsUrl":"/services/data/v53.0/query/01gXX-2000",
                 "records":[%s,
                 {"attributes":{"type":"User"},"Id":"005000000000000BBB","Username":"bo@acme.example",
                  "FirstName":null,"LastName":"Bo","Name":"Bo","Email":null,"IsActive":false,
                  "FederationIdentifier":null,"TimeZoneSidKey":"America/New_York"}]}""".formatted(ANA));

        assertThat(page.users()).containsExactly(
                new SalesforceUser("005000000000000AAA", "ana@acme.example", "Ana", "Lopez", "Ana Lopez",
                        "ana@acme.example", true, "E1001", "Europe/Paris"),
                new SalesforceUser("005000000000000BBB", "bo@acme.example", null, "Bo", "Bo", null, false, null,
                        "America/New_York"));
        assertThat(page.badRecords()).isEmpty();
        assertThat(page.nextRecordsUrl()).isEqualTo("/services/data/v53.0/query/01gXX-2000");
    }

    @Test
    void theLastPageHasNoNextRecordsUrlWhereverTheFieldsComeInTheAnswer() throws IOException {
        UserPage page = read("""
                {"records":[%s],"totalSize":1,"done":true,"extra":{"nested":[1,2,{"a":null}]}}""".formatted(ANA));

        assertThat(page.users()).extracting(SalesforceUser::id).containsExactly("005000000000000AAA");
        assertThat(page.nextRecordsUrl()).isNull();
    }

    @Test
    void badRecordsAreSkippedAndDescribedTheOthersRead() throws IOException {
        UserPage page = read("""
                {"totalSize":7,"done":true,"records":[
                 {"Username":"noid@acme.example","IsActive":true},
                 {"Id":"005000000000000","Username":"short@acme.example","IsActive":true},
                 {"Id":"005000000000000CCC","IsActive":true},
                 {"Id":"005000000000000DDD","Username":"dee@acme.example","IsActive":"yes"},
                 {"Id":"005000000000000EEE","Username":"eve@acme.example","IsActive":true,"Email":{"x":1}},
                 "not a record",
                 %s]}""".formatted(ANA));

        assertThat(page.users()).extracting(SalesforceUser::id).containsExactly("005000000000000AAA");
        assertThat(page.badRecords()).containsExactly(
                "record 1: Id is not an 18-character Salesforce id",
                "record 2 (Id 005000000000000): Id is not an 18-character Salesforce id",
                "record 3 (Id 005000000000000CCC): Username is missing",
                "record 4 (Id 005000000000000DDD): IsActive is not true or false",
                "record 5 (Id 005000000000000EEE): Email is not text",
                "record 6: not a JSON object");
    }

    @Test
    void aPageThatIsNotAQueryAnswerFailsTheRead() {
        assertThatThrownBy(() -> read("[{\"errorCode\":\"SERVER_UNAVAILABLE\"}]"))
                .isInstanceOf(IOException.class).hasMessageContaining("not a query answer page");
        assertThatThrownBy(() -> read("{\"records\":[" + ANA + ",{\"Id\":"))
                .isInstanceOf(IOException.class);
    }

    private static UserPage read(String json) throws IOException {
        return UserPageReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
