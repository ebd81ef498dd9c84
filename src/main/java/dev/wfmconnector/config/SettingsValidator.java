package dev.wfmconnector.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.quartz.CronExpression;

import dev.wfmconnector.config.ConnectorProperties.Historical;
import dev.wfmconnector.config.ConnectorProperties.Integration;
import dev.wfmconnector.config.ConnectorProperties.Operational;
import dev.wfmconnector.config.ConnectorProperties.Outputs;
import dev.wfmconnector.config.ConnectorProperties.Realtime;
import dev.wfmconnector.config.Setting.Part;
import dev.wfmconnector.historical.ActivityCategories;

import static dev.wfmconnector.config.Setting.*;

/**
 * Turns the raw {@code connector.*} text into {@link ConnectorSettings}: applies the defaults and normalisations
 * of SPEC §1 and checks every rule, collecting all problems before failing with one
 * {@link InvalidSettingsException}. A value left out or blank counts as not given. Pure Java; no Spring.
 */
public final class SettingsValidator {

    /** The group of an integration whose group is left out (allowed when it is the only one of its type). */
    public static final String DEFAULT_GROUP = "default";
    public static final String DEFAULT_TOKEN_URL = "https://login.salesforce.com" + SalesforceAccess.TOKEN_PATH;
    public static final int DEFAULT_SERVICE_LEVEL_THRESHOLD = 20;
    public static final int DEFAULT_ABANDONED_SHORT_CONTACT_THRESHOLD = 5;
    public static final int LOWEST_API_VERSION = 31;
    public static final int LONGEST_THRESHOLD = 86_400;

    private static final String API_NAME = "[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*";
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9 _.-]{1,64}");
    private static final Pattern VERSION = Pattern.compile("[vV]?([1-9][0-9]+)\\.0");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern PLATFORM_EVENT = Pattern.compile("(?:/event/)?((?:" + API_NAME + "__)?" + API_NAME + "__e)");
    private static final Pattern CHANGE_EVENT_CHANNEL = Pattern.compile(
            "/data/(?:ChangeEvents|(?:" + API_NAME + "__)?" + API_NAME + "__ChangeEvent|" + API_NAME + "ChangeEvent)");
    private static final Pattern FIELD_NAME = Pattern.compile("(?:" + API_NAME + "__)?" + API_NAME + "(?:__c)?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    private static final Pattern QUEUE_PREFIX = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, ChronoUnit> SIMPLE_UNITS = Map.of("ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS,
            "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);

    // What each rule accepts, worded once.
    static final String EXPECT_GROUP_REQUIRED = "a group name such as emea";
    static final String EXPECT_GROUP_NAME = "at most 64 letters, digits, spaces, '_', '.' or '-'";
    static final String EXPECT_STATUS = "enabled or disabled (true or false)";
    static final String EXPECT_CLIENT_ID = "the consumer key of the org's connected app";
    static final String EXPECT_CLIENT_SECRET = "the consumer secret of the org's connected app";
    static final String EXPECT_OAUTH_URL = "an https URL such as https://acme.my.salesforce.com";
    static final String EXPECT_HTTPS = "https (plain http only for localhost, 127.x.x.x or ::1)";
    static final String EXPECT_NO_USER_INFO = "a URL without user info";
    static final String EXPECT_NO_QUERY = "a URL without query or fragment";
    static final String EXPECT_TOKEN_PATH = "no path, or the token path " + SalesforceAccess.TOKEN_PATH;
    static final String EXPECT_API_VERSION = "a version such as 53.0 or v53.0, " + LOWEST_API_VERSION + ".0 or later";
    static final String EXPECT_NOT_OFFLINE = "presence statuses only (Offline is not a presence status)";
    static final String EXPECT_ONE_CATEGORY = "an activity not already in ";
    static final String EXPECT_THRESHOLD = "whole seconds from 0 to " + LONGEST_THRESHOLD;
    static final String EXPECT_HISTORICAL_FIRST =
            "a group with an enabled historical integration (configure the historical integration first)";
    static final String EXPECT_EVENT_NAME = "a platform event API name such as WFM_Agent_State__e or "
            + "/event/WFM_Agent_State__e, or a change data capture channel such as /data/AccountChangeEvent";
    static final String EXPECT_INTERVAL = "15, 30 or 60";
    static final String EXPECT_ZONE = "a time zone ID such as UTC or Asia/Kolkata";
    static final String EXPECT_CRON = "a Quartz cron expression such as ";
    static final String EXPECT_DURATION = "a duration of zero or more, such as PT2M or 2m";
    static final String EXPECT_HOST = "a host name such as api.pubsub.salesforce.com";
    static final String EXPECT_PORT = "a port from 1 to 65535";
    static final String EXPECT_FIELD_NAME = "a field API name such as UserId__c";
    static final String EXPECT_TRUE_FALSE = "true or false";
    static final String EXPECT_QUEUE_PREFIX = "letters, digits, '.', '_' or '-', such as wfm.";
    static final String EXPECT_HTTP_URL = "an http or https URL such as https://wfm.example.com/records";
    static final String EXPECT_ATTEMPTS = "a whole number of 1 or more";
    static final String EXPECT_BACKOFF = "a duration above zero, such as PT1S or 1s";
    static final String ON_ENABLED = "on an enabled integration";

    /**
     * Validates and normalises the raw configuration.
     *
     * @throws InvalidSettingsException listing every problem found
     */
    public ConnectorSettings validate(ConnectorProperties raw) {
        return validate(raw, List.of());
    }

    /**
     * Validates and normalises the raw configuration, also refusing misspelt names: a property given inside an
     * integration or {@code connector.defaults} that names no setting there (the binding would ignore it silently).
     *
     * @param givenNames the names of the {@code connector.*} properties given, as Spring's
     *                   {@code ConfigurationPropertyName} prints them ({@code connector.historical[0].api-version};
     *                   environment variables give them without dashes)
     * @throws InvalidSettingsException listing every problem found
     */
    public ConnectorSettings validate(ConnectorProperties raw, Collection<String> givenNames) {
        Problems problems = new Problems(secretsOf(raw));
        Map<String, Collection<String>> unknown = SettingNames.unknownByPlace(givenNames);
        Problems.Scope defaultsScope = problems.tree("connector.defaults");
        OperationalSettings defaults = operational(raw.getDefaults(), OperationalSettings.DEFAULT, defaultsScope);
        reportUnknown(unknown.getOrDefault(SettingNames.DEFAULTS, List.of()), Part.DEFAULTS, "operational", defaultsScope);

        List<HistoricalSettings> historical = new ArrayList<>();
        eachIntegration(IntegrationType.HISTORICAL, raw.getHistorical(), problems, group -> true, unknown, (entry, scope) ->
                historical.add(toHistorical(entry, scope, defaults)));

        Set<String> enabledHistoricalGroups = new HashSet<>();
        historical.stream().filter(HistoricalSettings::enabled)
                .forEach(h -> enabledHistoricalGroups.add(ConnectorSettings.normaliseGroup(h.group())));
        List<RealtimeSettings> realtime = new ArrayList<>();
        eachIntegration(IntegrationType.REALTIME, raw.getRealtime(), problems,
                group -> enabledHistoricalGroups.contains(ConnectorSettings.normaliseGroup(group)), unknown,
                (entry, scope) -> realtime.add(toRealtime(entry, scope, defaults)));

        List<UserImportSettings> userImport = new ArrayList<>();
        eachIntegration(IntegrationType.USER_IMPORT, raw.getUserImport(), problems, group -> true, unknown, (entry, scope) -> {
            Common c = common(entry, scope, defaults);
            userImport.add(new UserImportSettings(c.group, c.enabled, c.access, c.operational));
        });

        OutputSettings outputs = outputs(raw.getOutputs(), problems.tree("connector.outputs"));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems.lines());
        }
        return new ConnectorSettings(historical, realtime, userImport, outputs);
    }

    private static List<String> secretsOf(ConnectorProperties raw) {
        return Stream.of(raw.getHistorical(), raw.getRealtime(), raw.getUserImport())
                .<Integration>flatMap(List::stream)
                .map(Integration::getOauthClientSecret)
                .toList();
    }

    /** An integration of a list with its resolved group and status, both already checked. */
    private record Entry<T extends Integration>(T raw, String group, boolean enabled) {
    }

    /**
     * Resolves the group and status of each integration of a type and reports their problems (group left out among
     * several, with bad characters, used twice, or, when enabled, refused by {@code linked}; status unknown), then
     * hands each integration on, in list order, and reports the unknown names given in it. A refused status counts as
     * its default, enabled.
     */
    private static <T extends Integration> void eachIntegration(IntegrationType type, List<T> list, Problems problems,
            Predicate<String> linked, Map<String, Collection<String>> unknown,
            BiConsumer<Entry<T>, Problems.Scope> validation) {
        Map<String, String> pathByGroup = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            T raw = list.get(i);
            String path = "connector." + type.wireName() + "[" + i + "]";
            String given = trimToNull(raw.getGroup());
            String group = given == null ? DEFAULT_GROUP : given;
            Problems.Scope scope = problems.integration(type, group, path);
            Boolean status = isBlank(raw.getStatus()) ? Boolean.TRUE : status(raw.getStatus().trim());
            boolean enabled = !Boolean.FALSE.equals(status);
            boolean groupMissing = given == null && list.size() > 1;
            if (groupMissing) {
                scope.require(GROUP, "when there are 2 or more " + type.wireName() + " integrations", EXPECT_GROUP_REQUIRED);
            } else if (given != null) {
                if (!GROUP_NAME.matcher(given).matches()) {
                    scope.reject(GROUP, raw.getGroup(), EXPECT_GROUP_NAME);
                }
                String first = pathByGroup.putIfAbsent(ConnectorSettings.normaliseGroup(given), path);
                if (first != null) {
                    scope.reject(GROUP, raw.getGroup(), "a group no other " + type.wireName() + " integration has ("
                            + first + " has it)");
                }
            }
            if (enabled && !groupMissing && !linked.test(group)) {
                scope.reject(GROUP, group, EXPECT_HISTORICAL_FIRST);
            }
            if (status == null) {
                scope.reject(STATUS, raw.getStatus(), EXPECT_STATUS);
            }
            validation.accept(new Entry<>(raw, group, enabled), scope);
            reportUnknown(unknown.getOrDefault(path, List.of()), Part.of(type), type.wireName(), scope);
        }
    }

    /** Reports each unknown name, with the setting it most likely misspells. */
    private static void reportUnknown(Collection<String> names, Set<Part> parts, String kind, Problems.Scope scope) {
        for (String name : names) {
            scope.unknown(name, "one of the " + kind + " settings" + SettingNames.likelyMeant(name, parts)
                    .map(s -> ", such as " + s.property()).orElse(" of the configuration reference"));
        }
    }

    /** What every integration type has. */
    private record Common(String group, boolean enabled, SalesforceAccess access, OperationalSettings operational) {
    }

    private static Common common(Entry<? extends Integration> entry, Problems.Scope scope, OperationalSettings defaults) {
        Integration raw = entry.raw();
        boolean enabled = entry.enabled();
        String clientId = required(raw.getOauthClientId(), enabled, OAUTH_CLIENT_ID, scope, t -> t, EXPECT_CLIENT_ID);
        String clientSecret = required(raw.getOauthClientSecret(), enabled, OAUTH_CLIENT_SECRET, scope, t -> t,
                EXPECT_CLIENT_SECRET);
        String tokenUrl = tokenUrl(raw.getOauthUrl(), scope);
        String apiVersion = required(raw.getApiVersion(), enabled, API_VERSION, scope, SettingsValidator::apiVersion,
                EXPECT_API_VERSION);
        SalesforceAccess access = new SalesforceAccess(clientId, clientSecret, tokenUrl, apiVersion);
        return new Common(entry.group(), enabled, access, operational(raw, defaults, scope));
    }

    private static HistoricalSettings toHistorical(Entry<Historical> entry, Problems.Scope scope, OperationalSettings defaults) {
        Historical raw = entry.raw();
        Common c = common(entry, scope, defaults);
        Map<String, Setting> categoryOf = new HashMap<>();
        List<String> admin = activities(raw.getAdminTimeActivities(), ADMIN_TIME_ACTIVITIES, categoryOf, scope);
        List<String> idle = activities(raw.getIdleTimeActivities(), IDLE_TIME_ACTIVITIES, categoryOf, scope);
        List<String> notReady = activities(raw.getNotReadyActivities(), NOT_READY_ACTIVITIES, categoryOf, scope);
        List<String> ready = activities(raw.getReadyTimeActivities(), READY_TIME_ACTIVITIES, categoryOf, scope);
        int serviceLevel = value(raw.getServiceLevelThreshold(), DEFAULT_SERVICE_LEVEL_THRESHOLD, SERVICE_LEVEL_THRESHOLD,
                scope, SettingsValidator::threshold, EXPECT_THRESHOLD);
        int shortAbandon = value(raw.getAbandonedShortContactThreshold(), DEFAULT_ABANDONED_SHORT_CONTACT_THRESHOLD,
                ABANDONED_SHORT_CONTACT_THRESHOLD, scope, SettingsValidator::threshold, EXPECT_THRESHOLD);
        return new HistoricalSettings(c.group, c.enabled, c.access, new ActivityCategories(admin, idle, notReady, ready),
                serviceLevel, shortAbandon, c.operational);
    }

    /** One activity list; an activity already in another list, or {@code Offline}, is refused. */
    private static List<String> activities(String text, Setting list, Map<String, Setting> categoryOf, Problems.Scope scope) {
        List<String> names = ActivityCategories.parseList(text);
        for (String name : names) {
            String key = name.toLowerCase(Locale.ROOT);
            if (name.equalsIgnoreCase(ActivityCategories.OFFLINE)) {
                scope.reject(list, name, EXPECT_NOT_OFFLINE);
                continue;
            }
            Setting other = categoryOf.putIfAbsent(key, list);
            if (other != null && other != list) {
                scope.reject(list, name, EXPECT_ONE_CATEGORY + other.displayName());
            }
        }
        return names;
    }

    private static RealtimeSettings toRealtime(Entry<Realtime> entry, Problems.Scope scope, OperationalSettings defaults) {
        Common c = common(entry, scope, defaults);
        String topic = required(entry.raw().getPlatformEventName(), c.enabled, PLATFORM_EVENT_NAME, scope,
                SettingsValidator::topic, EXPECT_EVENT_NAME);
        return new RealtimeSettings(c.group, c.enabled, c.access, topic, c.operational);
    }

    /** The operational settings: each value given here, or else the one of {@code base}. */
    private static OperationalSettings operational(Operational raw, OperationalSettings base, Problems.Scope scope) {
        int intervalMinutes = value(raw.getIntervalMinutes(), base.intervalMinutes(), INTERVAL_MINUTES, scope,
                SettingsValidator::intervalMinutes, EXPECT_INTERVAL);
        ZoneId zone = value(raw.getIntervalTimeZone(), base.intervalTimeZone(), INTERVAL_TIME_ZONE, scope,
                SettingsValidator::zone, EXPECT_ZONE);
        String schedule = value(raw.getSchedule(), base.schedule(), SCHEDULE, scope, SettingsValidator::cron,
                EXPECT_CRON + OperationalSettings.DEFAULT.schedule());
        Duration settleDelay = value(raw.getSettleDelay(), base.settleDelay(), SETTLE_DELAY, scope,
                SettingsValidator::notNegative, EXPECT_DURATION);
        Duration lookback = value(raw.getLookback(), base.lookback(), LOOKBACK, scope, SettingsValidator::notNegative,
                EXPECT_DURATION);
        Duration initialBackfill = value(raw.getInitialBackfill(), base.initialBackfill(), INITIAL_BACKFILL, scope,
                SettingsValidator::notNegative, EXPECT_DURATION);
        String userImportSchedule = value(raw.getUserImportSchedule(), base.userImportSchedule(), USER_IMPORT_SCHEDULE,
                scope, SettingsValidator::cron, EXPECT_CRON + OperationalSettings.DEFAULT.userImportSchedule());
        String pubsubHost = value(raw.getPubsubHost(), base.pubsubHost(), PUBSUB_HOST, scope,
                t -> HOST.matcher(t).matches() ? t : null, EXPECT_HOST);
        int pubsubPort = value(raw.getPubsubPort(), base.pubsubPort(), PUBSUB_PORT, scope, t -> wholeNumber(t, 1, 65_535),
                EXPECT_PORT);
        ConnectorProperties.EventFieldNames fields = raw.getEventFields();
        EventFields baseFields = base.eventFields();
        EventFields eventFields = new EventFields(
                value(fields.getUserId(), baseFields.userId(), EVENT_FIELD_USER_ID, scope, SettingsValidator::fieldName,
                        EXPECT_FIELD_NAME),
                value(fields.getStatus(), baseFields.status(), EVENT_FIELD_STATUS, scope, SettingsValidator::fieldName,
                        EXPECT_FIELD_NAME),
                value(fields.getSince(), baseFields.since(), EVENT_FIELD_SINCE, scope, SettingsValidator::fieldName,
                        EXPECT_FIELD_NAME));
        return new OperationalSettings(intervalMinutes, zone, schedule, settleDelay, lookback, initialBackfill,
                userImportSchedule, pubsubHost, pubsubPort, eventFields);
    }

    private static OutputSettings outputs(Outputs raw, Problems.Scope scope) {
        OutputSettings base = OutputSettings.DEFAULT;
        boolean jmsEnabled = value(raw.getJms().getEnabled(), base.jmsEnabled(), JMS_ENABLED, scope,
                SettingsValidator::trueOrFalse, EXPECT_TRUE_FALSE);
        String queuePrefix = value(raw.getJms().getQueuePrefix(), base.jmsQueuePrefix(), JMS_QUEUE_PREFIX, scope,
                t -> QUEUE_PREFIX.matcher(t).matches() ? t : null, EXPECT_QUEUE_PREFIX);
        ConnectorProperties.Http http = raw.getHttp();
        String url = httpUrl(http.getUrl(), scope);
        int maxAttempts = value(http.getMaxAttempts(), base.httpMaxAttempts(), HTTP_MAX_ATTEMPTS, scope,
                t -> wholeNumber(t, 1, Integer.MAX_VALUE), EXPECT_ATTEMPTS);
        String initialText = http.getInitialBackoff();
        String maxText = http.getMaxBackoff();
        Duration initial = value(initialText, base.httpInitialBackoff(), HTTP_INITIAL_BACKOFF, scope,
                SettingsValidator::positive, EXPECT_BACKOFF);
        Duration max = value(maxText, base.httpMaxBackoff(), HTTP_MAX_BACKOFF, scope, SettingsValidator::positive,
                EXPECT_BACKOFF);
        boolean bothAccepted = (isBlank(initialText) || positive(initialText.trim()) != null)
                && (isBlank(maxText) || positive(maxText.trim()) != null);
        if (bothAccepted && initial.compareTo(max) > 0) {
            if (isBlank(initialText)) {
                scope.reject(HTTP_MAX_BACKOFF, maxText, "at least the initial backoff (" + initial + ")");
            } else {
                scope.reject(HTTP_INITIAL_BACKOFF, initialText, "at most the maximum backoff (" + max + ")");
            }
        }
        return new OutputSettings(jmsEnabled, queuePrefix, url, maxAttempts, initial, max);
    }

    // ---- the shape of every check: not given -> fallback; refused -> reported, fallback ----

    private static <V> V value(String text, V fallback, Setting setting, Problems.Scope scope,
            Function<String, V> parse, String expected) {
        if (isBlank(text)) {
            return fallback;
        }
        V parsed = parse.apply(text.trim());
        if (parsed == null) {
            scope.reject(setting, text, expected);
            return fallback;
        }
        return parsed;
    }

    /** Like {@link #value} without a fallback; left out on an enabled integration, it is reported as required. */
    private static String required(String text, boolean enabled, Setting setting, Problems.Scope scope,
            Function<String, String> parse, String expected) {
        if (isBlank(text) && enabled) {
            scope.require(setting, ON_ENABLED, expected);
        }
        return value(text, null, setting, scope, parse, expected);
    }

    // ---- parsers: the accepted, normalised value, or null when refused ----

    private static Boolean status(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "enabled", "true" -> Boolean.TRUE;
            case "disabled", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Boolean trueOrFalse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code v53.0} and {@code 53.0} are the same version, stored as {@code 53.0}. */
    private static String apiVersion(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.matches() || m.group(1).length() > 4 || Integer.parseInt(m.group(1)) < LOWEST_API_VERSION) {
            return null;
        }
        return m.group(1) + ".0";
    }

    private static Integer threshold(String text) {
        return wholeNumber(text, 0, LONGEST_THRESHOLD);
    }

    private static Integer wholeNumber(String text, int min, int max) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            return null;
        }
        int n = Integer.parseInt(text);
        return n >= min && n <= max ? n : null;
    }

    private static Integer intervalMinutes(String text) {
        return switch (text) {
            case "15", "30", "60" -> Integer.valueOf(text);
            default -> null;
        };
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String cron(String text) {
        return CronExpression.isValidExpression(text) ? text : null;
    }

    /** An ISO-8601 duration ({@code PT2M}, {@code P1D}) or Spring's simple form ({@code 2m}, {@code 500ms}). */
    static Duration duration(String text) {
        Matcher simple = SIMPLE_DURATION.matcher(text);
        if (simple.matches()) {
            return Duration.of(Long.parseLong(simple.group(1)), SIMPLE_UNITS.get(simple.group(2).toLowerCase(Locale.ROOT)));
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static Duration notNegative(String text) {
        Duration d = duration(text);
        return d == null || d.isNegative() ? null : d;
    }

    private static Duration positive(String text) {
        Duration d = duration(text);
        return d == null || d.isNegative() || d.isZero() ? null : d;
    }

    /** The Pub/Sub topic: {@code X__e} and {@code /event/X__e} become {@code /event/X__e}; CDC channels stay. */
    private static String topic(String text) {
        Matcher event = PLATFORM_EVENT.matcher(text);
        if (event.matches()) {
            return "/event/" + event.group(1);
        }
        return CHANGE_EVENT_CHANNEL.matcher(text).matches() ? text : null;
    }

    private static String fieldName(String text) {
        return FIELD_NAME.matcher(text).matches() ? text : null;
    }

    // ---- URLs ----

    /** The token URL: the default when left out; a base URL gets the token path appended. */
    private static String tokenUrl(String text, Problems.Scope scope) {
        if (isBlank(text)) {
            return DEFAULT_TOKEN_URL;
        }
        URI uri = absolute(text.trim());
        if (uri == null) {
            scope.reject(OAUTH_URL, text, EXPECT_OAUTH_URL);
            return null;
        }
        boolean accepted = true;
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            scope.reject(OAUTH_URL, text, EXPECT_HTTPS);
            accepted = false;
        }
        accepted &= hasNoUserInfoQueryOrFragment(uri, text, OAUTH_URL, scope);
        String path = uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") && !path.equals(SalesforceAccess.TOKEN_PATH)) {
            scope.reject(OAUTH_URL, text, EXPECT_TOKEN_PATH);
            accepted = false;
        }
        return accepted ? scheme + "://" + uri.getRawAuthority() + SalesforceAccess.TOKEN_PATH : null;
    }

    /** The HTTP output base URL without a trailing {@code /}; null when left out (HTTP output off). */
    private static String httpUrl(String text, Problems.Scope scope) {
        if (isBlank(text)) {
            return null;
        }
        String trimmed = text.trim();
        URI uri = absolute(trimmed);
        if (uri == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            scope.reject(HTTP_URL, text, EXPECT_HTTP_URL);
            return null;
        }
        if (!hasNoUserInfoQueryOrFragment(uri, text, HTTP_URL, scope)) {
            return null;
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static URI absolute(String text) {
        try {
            URI uri = new URI(text);
            return uri.isOpaque() || uri.getScheme() == null || uri.getHost() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean hasNoUserInfoQueryOrFragment(URI uri, String text, Setting setting, Problems.Scope scope) {
        boolean accepted = true;
        if (uri.getRawUserInfo() != null) {
            scope.reject(setting, text, EXPECT_NO_USER_INFO);
            accepted = false;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            scope.reject(setting, text, EXPECT_NO_QUERY);
            accepted = false;
        }
        return accepted;
    }

    /** localhost, 127.x.x.x or ::1, judged by the name alone (no DNS lookup). */
    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || LOOPBACK_IPV4.matcher(host).matches()
                || host.equals("[::1]") || host.equals("[0:0:0:0:0:0:0:1]");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimToNull(String text) {
        return isBlank(text) ? null : text.trim();
    }
}
