package dev.wfmconnector.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import dev.wfmconnector.config.ConnectorProperties.Historical;
import dev.wfmconnector.config.ConnectorProperties.Realtime;
import dev.wfmconnector.config.ConnectorProperties.UserImport;

/** Raw configurations for the validator tests: valid integrations a test then spoils one field of. */
final class Configs {

    static final String SECRET = "Sup3r-S3cret-Value-9f2c";

    private Configs() {
    }

    static Historical historical(String group) {
        Historical h = new Historical();
        fillAccess(h, group);
        h.setAdminTimeActivities("Admin; Email");
        h.setIdleTimeActivities("Idle");
        h.setNotReadyActivities("Not ready; Training");
        h.setReadyTimeActivities("Ready; On call");
        return h;
    }

    static Realtime realtime(String group) {
        Realtime r = new Realtime();
        fillAccess(r, group);
        r.setPlatformEventName("WFM_Agent_State__e");
        return r;
    }

    static UserImport userImport(String group) {
        UserImport u = new UserImport();
        fillAccess(u, group);
        return u;
    }

    private static void fillAccess(ConnectorProperties.Integration i, String group) {
        i.setGroup(group);
        i.setOauthClientId("3MVG9-client-id");
        i.setOauthClientSecret(SECRET);
        i.setOauthUrl("https://acme.my.salesforce.com");
        i.setApiVersion("v53.0");
    }

    static ConnectorProperties config(ConnectorProperties.Integration... integrations) {
        ConnectorProperties p = new ConnectorProperties();
        for (ConnectorProperties.Integration i : integrations) {
            if (i instanceof Historical h) {
                p.getHistorical().add(h);
            } else if (i instanceof Realtime r) {
                p.getRealtime().add(r);
            } else {
                p.getUserImport().add((UserImport) i);
            }
        }
        return p;
    }

    static ConnectorSettings valid(ConnectorProperties p) {
        return new SettingsValidator().validate(p);
    }

    static List<String> problems(ConnectorProperties p) {
        return assertThrows(InvalidSettingsException.class, () -> new SettingsValidator().validate(p)).problems();
    }

    /** Asserts that validation fails with exactly these lines, in this order. */
    static void assertProblems(ConnectorProperties p, String... expected) {
        org.junit.jupiter.api.Assertions.assertEquals(Arrays.asList(expected), problems(p));
    }
}
