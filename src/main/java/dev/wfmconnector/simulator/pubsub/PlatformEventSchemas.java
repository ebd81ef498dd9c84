package dev.wfmconnector.simulator.pubsub;

import org.apache.avro.Schema;

/** Avro schemas of the simulated org's platform events, as Salesforce's GetSchema serves them. */
public final class PlatformEventSchemas {

    /** The agent-state platform event the scenario engine publishes on every presence change (SPEC §4, §8). */
    public static final String AGENT_STATE_TOPIC = "/event/WFM_Agent_State__e";

    /** Schema of {@value #AGENT_STATE_TOPIC}: dates are epoch milliseconds, custom fields optional. */
    public static final Schema AGENT_STATE = new Schema.Parser().parse("""
            {"type": "record", "name": "WFM_Agent_State__e", "namespace": "com.sforce.eventbus", "fields": [
              {"name": "CreatedDate", "type": "long", "doc": "CreatedDate:DateTime"},
              {"name": "CreatedById", "type": "string", "doc": "CreatedBy:EntityId"},
              {"name": "UserId__c", "type": ["null", "string"], "doc": "Data:Text:00N", "default": null},
              {"name": "StatusName__c", "type": ["null", "string"], "doc": "Data:Text:00N", "default": null},
              {"name": "StatusStartDate__c", "type": ["null", "long"], "doc": "Data:DateTime:00N", "default": null}
            ]}""");

    private PlatformEventSchemas() {
    }
}
