package dev.wfmconnector.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.config.EventFields;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class AgentStateEventTest {

    /** The platform event's schema as Salesforce serves it (SPEC §8). */
    private static final Schema AGENT_STATE = new Schema.Parser().parse("""
            {"type": "record", "name": "WFM_Agent_State__e", "namespace": "com.sforce.eventbus", "fields": [
              {"name": "CreatedDate", "type": "long"},
              {"name": "CreatedById", "type": "string"},
              {"name": "UserId__c", "type": ["null", "string"], "default": null},
              {"name": "StatusName__c", "type": ["null", "string"], "default": null},
              {"name": "StatusStartDate__c", "type": ["null", "long"], "default": null}
            ]}""");
    private static final Instant CREATED = Instant.parse("2026-11-24T10:15:30.250Z");
    private static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.900Z");

    @Test
    void readsTheConfiguredFieldsTheCreatedDateAndTheReplayId() {
        GenericRecord record = record();
        record.put("UserId__c", new Utf8("005Hs00000AbCdE"));
        record.put("StatusName__c", new Utf8("On call"));
        record.put("StatusStartDate__c", CREATED.minusSeconds(2).toEpochMilli());

        AgentStateEvent event = AgentStateEvent.read(record, EventFields.DEFAULT, "AAAAAQ==", RECEIVED);

        assertThat(event).isEqualTo(new AgentStateEvent("005Hs00000AbCdE", "On call", CREATED.minusSeconds(2), CREATED,
                "AAAAAQ=="));
    }

    @Test
    void missingOptionalFieldsReadAsNullAndSinceFallsBackToTheCreatedDate() {
        AgentStateEvent event = AgentStateEvent.read(record(), EventFields.DEFAULT, "AQ==", RECEIVED);

        assertThat(event.userId()).isNull();
        assertThat(event.activity()).isNull();
        assertThat(event.since()).isNull();
        assertThat(event.sinceOrCreated()).isEqualTo(CREATED);
    }

    @Test
    void fieldNamesComeFromTheSettingsAndFieldsTheSchemaLacksReadAsNull() {
        Schema custom = new Schema.Parser().parse("""
                {"type": "record", "name": "Agent_Presence__e", "namespace": "com.sforce.eventbus", "fields": [
                  {"name": "Agent__c", "type": ["null", "string"], "default": null},
                  {"name": "Presence__c", "type": ["null", "string"], "default": null},
                  {"name": "Since__c", "type": ["null", "string"], "default": null}
                ]}""");
        GenericRecord record = new GenericData.Record(custom);
        record.put("Agent__c", "005Hs00000AbCdEIAV");
        record.put("Presence__c", "  ");
        record.put("Since__c", "2026-11-24T10:00:00Z");

        AgentStateEvent event = AgentStateEvent.read(record, new EventFields("Agent__c", "Presence__c", "Since__c"),
                "AQ==", RECEIVED);

        assertThat(event.userId()).isEqualTo("005Hs00000AbCdEIAV");
        assertThat(event.activity()).as("blank text reads as none").isNull();
        assertThat(event.since()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(event.createdAt()).as("no CreatedDate: when it was received").isEqualTo(RECEIVED);
        assertThat(AgentStateEvent.read(record, EventFields.DEFAULT, "AQ==", RECEIVED).userId()).isNull();
    }

    @Test
    void aDateThatIsNotOneReadsAsNull() {
        Schema custom = new Schema.Parser().parse("""
                {"type": "record", "name": "E", "fields": [{"name": "StatusStartDate__c", "type": "string"}]}""");
        GenericRecord record = new GenericData.Record(custom);
        record.put("StatusStartDate__c", "yesterday");

        assertThat(AgentStateEvent.read(record, EventFields.DEFAULT, "AQ==", RECEIVED).since()).isNull();
    }

    private static GenericRecord record() {
        GenericRecord record = new GenericData.Record(AGENT_STATE);
        record.put("CreatedDate", CREATED.toEpochMilli());
        record.put("CreatedById", new Utf8("005000000000001AAA"));
        return record;
    }
}
