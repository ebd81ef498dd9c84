package dev.wfmconnector.historical.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoqlSelectListTest {

    private static final Map<String, Set<String>> DESCRIBED = Map.of(
            "AgentWork", Set.of("id", "workitemid", "handletime", "status"),
            "UserServicePresence", Set.of("id", "userid", "statusstartdate"));

    @Test
    void fieldsTheOrgLacksAreLeftOutAndTheRestOfTheQueryIsKept() {
        String soql = "SELECT Id, WorkItemId, HandleTime, AfterConversationActualTime, Status\nFROM AgentWork\n"
                + "WHERE (RequestDateTime >= 2026-11-24T10:00:00Z) ORDER BY WorkItemId";
        assertThat(SoqlSelectList.keepSelectable(soql, DESCRIBED::get)).isEqualTo("SELECT Id, WorkItemId, HandleTime, "
                + "Status\nFROM AgentWork\nWHERE (RequestDateTime >= 2026-11-24T10:00:00Z) ORDER BY WorkItemId");
    }

    @Test
    void relationshipPathsFunctionsAndCaseAreKept() {
        String soql = "select ID, userid, ServicePresenceStatus.MasterLabel, COUNT(Id), Gone from UserServicePresence";
        assertThat(SoqlSelectList.keepSelectable(soql, DESCRIBED::get))
                .isEqualTo("select ID, userid, ServicePresenceStatus.MasterLabel, COUNT(Id) from UserServicePresence");
    }

    @Test
    void aQueryWithNothingMissingOrNotASelectIsUnchanged() {
        String soql = "SELECT Id,Status FROM AgentWork";
        assertThat(SoqlSelectList.keepSelectable(soql, DESCRIBED::get)).isSameAs(soql);
        assertThat(SoqlSelectList.keepSelectable("not soql", DESCRIBED::get)).isEqualTo("not soql");
    }

    @Test
    void aQueryLeftWithNoFieldIsRefused() {
        assertThatThrownBy(() -> SoqlSelectList.keepSelectable("SELECT Foo, Bar FROM AgentWork", DESCRIBED::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none of the fields");
    }
}
