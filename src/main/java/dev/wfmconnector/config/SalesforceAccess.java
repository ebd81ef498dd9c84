package dev.wfmconnector.config;

/**
 * How one integration reaches its Salesforce org: OAuth 2.0 client credentials and the API version.
 *
 * @param clientId     [OAuth 2.0 client ID]
 * @param clientSecret [OAuth 2.0 client secret]; never logged, printed or returned
 * @param tokenUrl     [OAuth 2.0 URL], normalised to end in {@value #TOKEN_PATH}
 * @param apiVersion   [Salesforce API version] in the form {@code 53.0} (no {@code v})
 */
public record SalesforceAccess(String clientId, String clientSecret, String tokenUrl, String apiVersion) {

    public static final String TOKEN_PATH = "/services/oauth2/token";

    /** The base URL camel-salesforce wants as {@code loginUrl}: the token URL without its path. */
    public String loginUrl() {
        return tokenUrl.endsWith(TOKEN_PATH) ? tokenUrl.substring(0, tokenUrl.length() - TOKEN_PATH.length()) : tokenUrl;
    }

    @Override
    public String toString() {
        return "SalesforceAccess[clientId=" + clientId + ", clientSecret=******, tokenUrl=" + tokenUrl
                + ", apiVersion=" + apiVersion + "]";
    }
}
