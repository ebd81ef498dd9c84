package dev.wfmconnector.simulator.pubsub;

import com.google.protobuf.ByteString;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroPayloadsTest {

    private static final Schema SCHEMA = PlatformEventSchemas.AGENT_STATE;
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:05.123Z");

    @Test
    void agentStateSchemaIsTheOneSalesforceServes() {
        assertThat(SCHEMA.getFullName()).isEqualTo("com.sforce.eventbus.WFM_Agent_State__e");
        assertThat(SCHEMA.getFields()).extracting(Schema.Field::name)
                .containsExactly("CreatedDate", "CreatedById", "UserId__c", "StatusName__c", "StatusStartDate__c");
        assertThat(SCHEMA.getField("CreatedDate").schema().getType()).isEqualTo(Schema.Type.LONG);
        assertThat(SCHEMA.getField("CreatedById").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(types("UserId__c")).containsExactly(Schema.Type.NULL, Schema.Type.STRING);
        assertThat(types("StatusName__c")).containsExactly(Schema.Type.NULL, Schema.Type.STRING);
        assertThat(types("StatusStartDate__c")).containsExactly(Schema.Type.NULL, Schema.Type.LONG);
        for (String optional : List.of("UserId__c", "StatusName__c", "StatusStartDate__c")) {
            assertThat(SCHEMA.getField(optional).hasDefaultValue()).isTrue();
            assertThat(SCHEMA.getField(optional).defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
        }
    }

    @Test
    void fieldsAreConvertedAndCreatedFieldsFilledIn() throws IOException {
        Instant since = Instant.parse("2026-11-24T09:59:58.250Z");
        GenericRecord record = AvroPayloads.record(SCHEMA,
                Map.of("UserId__c", "005000000000042AAA", "StatusName__c", "On call", "StatusStartDate__c", since),
                NOW, "005000000000001AAA");

        GenericRecord decoded = AvroPayloads.decode(SCHEMA, AvroPayloads.encode(record));

        assertThat(decoded.get("CreatedDate")).isEqualTo(NOW.toEpochMilli());
        assertThat(decoded.get("CreatedById")).hasToString("005000000000001AAA");
        assertThat(decoded.get("UserId__c")).hasToString("005000000000042AAA");
        assertThat(decoded.get("StatusName__c")).hasToString("On call");
        assertThat(decoded.get("StatusStartDate__c")).isEqualTo(since.toEpochMilli());
    }

    @Test
    void fieldsLeftOutTakeTheirDefaultsAndGivenCreatedFieldsWin() throws IOException {
        Map<String, Object> fields = new HashMap<>();
        fields.put("UserId__c", "005000000000042AAA");
        fields.put("StatusStartDate__c", null);
        fields.put("CreatedDate", 1_000L);
        fields.put("CreatedById", "005000000000077AAA");

        GenericRecord decoded = AvroPayloads.decode(SCHEMA,
                AvroPayloads.encode(AvroPayloads.record(SCHEMA, fields, NOW, "005000000000001AAA")));

        assertThat(decoded.get("StatusName__c")).isNull();
        assertThat(decoded.get("StatusStartDate__c")).isNull();
        assertThat(decoded.get("CreatedDate")).isEqualTo(1_000L);
        assertThat(decoded.get("CreatedById")).hasToString("005000000000077AAA");
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefused() {
        assertThatThrownBy(() -> AvroPayloads.record(SCHEMA, Map.of("Status__c", "x"), NOW, "005000000000001AAA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Status__c");
        assertThatThrownBy(() -> AvroPayloads.record(SCHEMA, Map.of("StatusStartDate__c", "yesterday"), NOW, "005000000000001AAA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StatusStartDate__c");
    }

    @Test
    void decodingRefusesPayloadsThatDoNotMatchTheSchema() {
        ByteString valid = AvroPayloads.encode(AvroPayloads.record(SCHEMA, Map.of(), NOW, "005000000000001AAA"));

        assertThatThrownBy(() -> AvroPayloads.decode(SCHEMA, valid.concat(ByteString.copyFromUtf8("extra"))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> AvroPayloads.decode(SCHEMA, valid.substring(0, 3))).isInstanceOf(IOException.class);
    }

    private static List<Schema.Type> types(String field) {
        return SCHEMA.getField(field).schema().getTypes().stream().map(Schema::getType).toList();
    }
}
