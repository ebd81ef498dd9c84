package dev.wfmconnector.salesforce;

/** An integration cannot use its Salesforce org; the message is the reason shown in the status API and health. */
public class SalesforceAccessException extends RuntimeException {
    public SalesforceAccessException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
