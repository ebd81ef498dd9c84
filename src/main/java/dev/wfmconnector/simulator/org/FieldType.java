package dev.wfmconnector.simulator.org;

/** Salesforce field data types used by the simulated objects, with their describe {@code type} and SOAP type. */
public enum FieldType {
    ID("id", "tns:ID"),
    REFERENCE("reference", "tns:ID"),
    STRING("string", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    EMAIL("email", "xsd:string"),
    DATETIME("datetime", "xsd:dateTime"),
    INT("int", "xsd:int"),
    DOUBLE("double", "xsd:double"),
    BOOLEAN("boolean", "xsd:boolean");

    private final String describeName;
    private final String soapType;

    FieldType(String describeName, String soapType) {
        this.describeName = describeName;
        this.soapType = soapType;
    }

    public String describeName() {
        return describeName;
    }

    public String soapType() {
        return soapType;
    }

    public boolean isId() {
        return this == ID || this == REFERENCE;
    }

    public boolean isText() {
        return this == STRING || this == PICKLIST || this == EMAIL;
    }

    public boolean isNumber() {
        return this == INT || this == DOUBLE;
    }
}
