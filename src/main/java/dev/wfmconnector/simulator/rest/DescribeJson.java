package dev.wfmconnector.simulator.rest;

import dev.wfmconnector.simulator.org.FieldDef;
import dev.wfmconnector.simulator.org.FieldType;
import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.simulator.org.SObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Describe answers (global, basic info, full describe) for the objects and fields of one API version. */
final class DescribeJson {

    private DescribeJson() {
    }

    /** {@code GET /sobjects}. */
    static Map<String, Object> global(double version) {
        List<Map<String, Object>> sobjects = new ArrayList<>();
        for (SObjectType<?> type : OrgSchema.all()) {
            if (type.availableIn(version)) {
                sobjects.add(basic(type, version));
            }
        }
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("encoding", "UTF-8");
        global.put("maxBatchSize", 200);
        global.put("sobjects", sobjects);
        return global;
    }

    /** {@code GET /sobjects/{name}}. */
    static Map<String, Object> basicInfo(SObjectType<?> type, double version) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("objectDescribe", basic(type, version));
        info.put("recentItems", List.of());
        return info;
    }

    /** {@code GET /sobjects/{name}/describe}: the object and the fields this API version has. */
    static Map<String, Object> describe(SObjectType<?> type, double version) {
        Map<String, Object> describe = basic(type, version);
        describe.put("actionOverrides", List.of());
        describe.put("childRelationships", List.of());
        describe.put("fields", type.fields(version).stream().map(DescribeJson::field).toList());
        describe.put("namedLayoutInfos", List.of());
        describe.put("recordTypeInfos", List.of());
        return describe;
    }

    private static Map<String, Object> basic(SObjectType<?> type, double version) {
        String base = "/services/data/" + segment(version) + "/sobjects/" + type.name();
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("rowTemplate", base + "/{ID}");
        urls.put("describe", base + "/describe");
        urls.put("sobject", base);
        Map<String, Object> basic = new LinkedHashMap<>();
        basic.put("activateable", false);
        basic.put("createable", false);
        basic.put("custom", false);
        basic.put("customSetting", false);
        basic.put("deletable", false);
        basic.put("deprecatedAndHidden", false);
        basic.put("feedEnabled", false);
        basic.put("keyPrefix", type.keyPrefix());
        basic.put("label", type.label());
        basic.put("labelPlural", type.label());
        basic.put("layoutable", false);
        basic.put("mergeable", false);
        basic.put("mruEnabled", false);
        basic.put("name", type.name());
        basic.put("queryable", true);
        basic.put("replicateable", true);
        basic.put("retrieveable", true);
        basic.put("searchable", false);
        basic.put("triggerable", false);
        basic.put("undeletable", false);
        basic.put("updateable", false);
        basic.put("urls", urls);
        return basic;
    }

    private static Map<String, Object> field(FieldDef field) {
        FieldType type = field.type();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("aggregatable", type != FieldType.BOOLEAN);
        json.put("autoNumber", false);
        json.put("byteLength", field.length() * 3);
        json.put("calculated", false);
        json.put("caseSensitive", false);
        json.put("createable", false);
        json.put("custom", false);
        json.put("defaultedOnCreate", type == FieldType.BOOLEAN || field.name().startsWith("Created"));
        json.put("deprecatedAndHidden", false);
        json.put("digits", type == FieldType.INT ? 9 : 0);
        json.put("externalId", false);
        json.put("filterable", true);
        json.put("groupable", type != FieldType.DATETIME && type != FieldType.DOUBLE);
        json.put("idLookup", type == FieldType.ID);
        json.put("label", field.label());
        json.put("length", field.length());
        json.put("name", field.name());
        json.put("nameField", field.name().equals("Name"));
        json.put("nillable", field.nillable());
        json.put("picklistValues", List.of());
        json.put("precision", type == FieldType.DOUBLE ? 10 : 0);
        json.put("referenceTo", field.referenceTo());
        json.put("relationshipName", field.relationshipName());
        json.put("scale", type == FieldType.DOUBLE ? 2 : 0);
        json.put("soapType", type.soapType());
        json.put("sortable", true);
        json.put("type", type.describeName());
        json.put("unique", false);
        json.put("updateable", false);
        return json;
    }

    static String segment(double version) {
        return "v" + (int) version + ".0";
    }
}
