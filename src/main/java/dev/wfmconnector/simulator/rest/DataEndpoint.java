package dev.wfmconnector.simulator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.wfmconnector.salesforce.SalesforceIds;
import dev.wfmconnector.simulator.org.FieldDef;
import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.simulator.org.SObjectType;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import dev.wfmconnector.simulator.soql.QueryPlanner;
import dev.wfmconnector.simulator.soql.QueryResult;
import dev.wfmconnector.simulator.soql.SoqlException;
import dev.wfmconnector.simulator.soql.SoqlParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The versioned REST resources under {@code /services/data/vNN.0}: the resource list, {@code query} and
 * {@code queryAll} with cursor paging, {@code sobjects} (global, basic info, describe, retrieve by id) and
 * {@code limits}. Authentication and faults are checked by the server before a call gets here.
 */
final class DataEndpoint {

    private static final Pattern LOCATOR = Pattern.compile("(01g[0-9A-Za-z]{15})-(\\d+)");
    private static final Pattern BATCH_SIZE = Pattern.compile("batchSize=(\\d+)");

    private final SimulatedOrg org;
    private final QueryCursors cursors;
    private final ApiUsage usage;
    private final int pageSize;

    DataEndpoint(SimulatedOrg org, QueryCursors cursors, ApiUsage usage, int pageSize) {
        this.org = org;
        this.cursors = cursors;
        this.usage = usage;
        this.pageSize = pageSize;
    }

    /** {@code segments} follow the version segment, e.g. {@code [query]} or {@code [sobjects, AgentWork, describe]}. */
    ApiResponse handle(ApiRequest request, double version, String[] segments) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            throw new ApiError(405, "METHOD_NOT_ALLOWED",
                    "HTTP Method '" + request.method() + "' not allowed. Allowed are GET,HEAD");
        }
        if (segments.length == 0) {
            return ApiResponse.json(resources(version));
        }
        String resource = segments[0];
        boolean all = resource.equals("queryAll");
        if ((resource.equals("query") || all) && segments.length == 1) {
            return query(request, version, all);
        }
        if ((resource.equals("query") || all) && segments.length == 2) {
            return queryMore(segments[1]);
        }
        if (resource.equals("limits") && segments.length == 1) {
            return ApiResponse.json(usage.limits());
        }
        if (resource.equals("sobjects")) {
            return sobjects(request, version, segments);
        }
        throw ApiError.notFound();
    }

    private Map<String, String> resources(double version) {
        String base = "/services/data/" + DescribeJson.segment(version);
        Map<String, String> resources = new LinkedHashMap<>();
        for (String name : new String[] {"limits", "query", "queryAll", "sobjects"}) {
            resources.put(name, base + "/" + name);
        }
        return resources;
    }

    private ApiResponse query(ApiRequest request, double version, boolean includeDeleted) {
        String soql = request.param("q");
        if (soql == null || soql.isBlank()) {
            throw new ApiError(400, SoqlException.MALFORMED_QUERY, "A query string has to be specified");
        }
        QueryResult result = run(soql, version, includeDeleted);
        int batch = batchSize(request.header("Sforce-Query-Options"));
        String segment = DescribeJson.segment(version);
        if (result.rows().size() <= batch) {
            return ApiResponse.json(200, QueryPages.page(result, 0, result.rows().size(), null, segment));
        }
        QueryCursors.Cursor cursor = cursors.open(result, segment, batch);
        return page(cursor, 0);
    }

    private ApiResponse queryMore(String locatorAndOffset) {
        Matcher m = LOCATOR.matcher(locatorAndOffset);
        if (!m.matches()) {
            throw new ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        QueryCursors.Cursor cursor = cursors.get(m.group(1));
        int from;
        try {
            from = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        if (from >= cursor.result().rows().size()) {
            throw new ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        return page(cursor, from);
    }

    private ApiResponse page(QueryCursors.Cursor cursor, int from) {
        int total = cursor.result().rows().size();
        int to = Math.min(total, from + cursor.batchSize());
        String next = null;
        if (to < total) {
            next = "/services/data/" + cursor.version() + "/query/" + cursor.locator() + "-" + to;
        } else {
            cursors.close(cursor.locator());
        }
        return ApiResponse.json(200, QueryPages.page(cursor.result(), from, to, next, cursor.version()));
    }

    private QueryResult run(String soql, double version, boolean includeDeleted) {
        try {
            return QueryPlanner.plan(SoqlParser.parse(soql), version, org.clock(), org::find)
                    .execute(org, includeDeleted);
        } catch (SoqlException e) {
            throw new ApiError(400, e.errorCode(), e.salesforceMessage());
        }
    }

    /** The page size: the configured one, or smaller as asked by {@code Sforce-Query-Options: batchSize=n} (200..2000). */
    private int batchSize(String queryOptions) {
        if (queryOptions == null) {
            return pageSize;
        }
        Matcher m = BATCH_SIZE.matcher(queryOptions);
        if (!m.find()) {
            return pageSize;
        }
        try {
            return Math.min(pageSize, Math.max(200, Math.min(2000, Integer.parseInt(m.group(1)))));
        } catch (NumberFormatException e) {
            return pageSize;
        }
    }

    private ApiResponse sobjects(ApiRequest request, double version, String[] segments) {
        if (segments.length == 1) {
            return ApiResponse.json(DescribeJson.global(version));
        }
        SObjectType<?> type = OrgSchema.find(segments[1], version);
        if (type == null || segments.length > 3) {
            throw ApiError.notFound();
        }
        if (segments.length == 2) {
            return ApiResponse.json(DescribeJson.basicInfo(type, version));
        }
        if (segments[2].equals("describe")) {
            return ApiResponse.json(DescribeJson.describe(type, version));
        }
        return retrieve(type, segments[2], request.param("fields"), version);
    }

    /** {@code GET /sobjects/{type}/{id}[?fields=a,b]}: the record with all (or the named) fields. */
    private ApiResponse retrieve(SObjectType<?> type, String id, String fields, double version) {
        if (!SalesforceIds.isValid(id) || !SalesforceIds.to18(id).startsWith(type.keyPrefix())) {
            throw ApiError.notFound();
        }
        String selected = fields != null && !fields.isBlank() ? fields
                : type.fields(version).stream().map(FieldDef::name).collect(Collectors.joining(","));
        QueryResult result = run("SELECT " + selected + " FROM " + type.name() + " WHERE Id = '"
                + SalesforceIds.to18(id) + "'", version, false);
        if (result.rows().isEmpty()) {
            throw ApiError.notFound();
        }
        Object[] values = result.rows().get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = SalesforceJson.FACTORY.createGenerator(out)) {
            QueryPages.writeRecord(json, type, (String) values[result.idIndex()], result.selection(), values,
                    DescribeJson.segment(version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ApiResponse.json(200, out.toByteArray());
    }
}
