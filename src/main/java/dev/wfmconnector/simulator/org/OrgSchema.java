package dev.wfmconnector.simulator.org;

import static dev.wfmconnector.simulator.org.FieldType.BOOLEAN;
import static dev.wfmconnector.simulator.org.FieldType.DATETIME;
import static dev.wfmconnector.simulator.org.FieldType.DOUBLE;
import static dev.wfmconnector.simulator.org.FieldType.EMAIL;
import static dev.wfmconnector.simulator.org.FieldType.INT;
import static dev.wfmconnector.simulator.org.FieldType.PICKLIST;
import static dev.wfmconnector.simulator.org.FieldType.STRING;

import java.util.List;

/**
 * The objects the simulated org serves and the API version each object and field appeared in
 * (from Salesforce's object reference; e.g. {@code AgentWork.AfterConversationActualTime} from 52.0).
 */
public final class OrgSchema {

    /** Key prefixes of records the org refers to but does not serve as objects. */
    public static final String ORG_PREFIX = "00D";
    public static final String CASE_PREFIX = "500";
    public static final String CHAT_TRANSCRIPT_PREFIX = "570";
    public static final String VOICE_CALL_PREFIX = "0LQ";
    public static final String QUERY_LOCATOR_PREFIX = "01g";

    public static final SObjectType<User> USER = SObjectType.builder("User", "User", "005", 1.0, User.class)
            .standardFields()
            .field("Username", STRING, User::username)
            .field("LastName", STRING, User::lastName)
            .field("FirstName", STRING, User::firstName)
            .field("Name", STRING, User::name)
            .field("Alias", STRING, User::alias)
            .field("Email", EMAIL, User::email)
            .field("IsActive", BOOLEAN, User::active)
            .field("UserType", PICKLIST, User::userType)
            .field("FederationIdentifier", STRING, 13.0, User::federationIdentifier)
            .field("TimeZoneSidKey", PICKLIST, User::timeZoneSidKey)
            .field("LocaleSidKey", PICKLIST, User::localeSidKey)
            .field("LanguageLocaleKey", PICKLIST, User::languageLocaleKey)
            .field("Department", STRING, User::department)
            .field("Title", STRING, User::title)
            .build();

    public static final SObjectType<Group> GROUP = SObjectType.builder("Group", "Group", "00G", 1.0, Group.class)
            .standardFields()
            .field("Name", STRING, Group::name)
            .field("DeveloperName", STRING, 14.0, Group::developerName)
            .field("Type", PICKLIST, Group::type)
            .field("Email", EMAIL, Group::email)
            .build();

    public static final SObjectType<ServiceChannel> SERVICE_CHANNEL = SObjectType
            .builder("ServiceChannel", "Service Channel", "0N9", 32.0, ServiceChannel.class)
            .standardFields()
            .field("DeveloperName", STRING, ServiceChannel::developerName)
            .field("MasterLabel", STRING, ServiceChannel::masterLabel)
            .field("Language", PICKLIST, c -> "en_US")
            .field("RelatedEntity", PICKLIST, ServiceChannel::relatedEntity)
            .build();

    public static final SObjectType<ServicePresenceStatus> SERVICE_PRESENCE_STATUS = SObjectType
            .builder("ServicePresenceStatus", "Presence Status", "0N5", 32.0, ServicePresenceStatus.class)
            .standardFields()
            .field("DeveloperName", STRING, ServicePresenceStatus::developerName)
            .field("MasterLabel", STRING, ServicePresenceStatus::masterLabel)
            .field("Language", PICKLIST, ServicePresenceStatus::language)
            .build();

    public static final SObjectType<UserServicePresence> USER_SERVICE_PRESENCE = SObjectType
            .builder("UserServicePresence", "User Presence", "0Lr", 32.0, UserServicePresence.class)
            .standardFields()
            .reference("OwnerId", "Owner", List.of("User"), 32.0, UserServicePresence::userId)
            .reference("UserId", "User", List.of("User"), 32.0, UserServicePresence::userId)
            .reference("ServicePresenceStatusId", "ServicePresenceStatus", List.of("ServicePresenceStatus"), 32.0,
                    UserServicePresence::servicePresenceStatusId)
            .field("StatusStartDate", DATETIME, UserServicePresence::statusStartDate)
            .field("StatusEndDate", DATETIME, 34.0, UserServicePresence::statusEndDate)
            .field("StatusDuration", INT, 34.0, UserServicePresence::statusDuration)
            .field("IsCurrentState", BOOLEAN, 34.0, UserServicePresence::currentState)
            .field("IsAway", BOOLEAN, UserServicePresence::away)
            .field("ConfiguredCapacity", INT, UserServicePresence::configuredCapacity)
            .build();

    public static final SObjectType<AgentWork> AGENT_WORK = SObjectType
            .builder("AgentWork", "Agent Work", "0Bz", 32.0, AgentWork.class)
            .standardFields()
            .reference("OwnerId", "Owner", List.of("User"), 32.0, AgentWork::userId)
            .reference("UserId", "User", List.of("User"), 32.0, AgentWork::userId)
            .reference("WorkItemId", null, List.of("Case", "LiveChatTranscript", "VoiceCall"), 32.0,
                    AgentWork::workItemId)
            .field("Status", PICKLIST, AgentWork::status)
            .reference("ServiceChannelId", "ServiceChannel", List.of("ServiceChannel"), 32.0,
                    AgentWork::serviceChannelId)
            .reference("OriginalQueueId", "OriginalQueue", List.of("Group"), 32.0, AgentWork::originalQueueId)
            .reference("OriginalGroupId", "OriginalGroup", List.of("Group"), 44.0, AgentWork::originalGroupId)
            .field("RequestDateTime", DATETIME, AgentWork::requestDateTime)
            .field("AssignedDateTime", DATETIME, AgentWork::assignedDateTime)
            .field("AcceptDateTime", DATETIME, AgentWork::acceptDateTime)
            .field("DeclineDateTime", DATETIME, AgentWork::declineDateTime)
            .field("DeclineReason", STRING, AgentWork::declineReason)
            .field("CancelDateTime", DATETIME, AgentWork::cancelDateTime)
            .field("CloseDateTime", DATETIME, AgentWork::closeDateTime)
            .field("SpeedToAnswer", INT, AgentWork::speedToAnswer)
            .field("HandleTime", INT, AgentWork::handleTime)
            .field("ActiveTime", INT, 37.0, w -> null)
            .field("AfterConversationActualTime", INT, 52.0, AgentWork::afterConversationActualTime)
            .field("CapacityWeight", DOUBLE, AgentWork::capacityWeight)
            .field("PushTimeout", INT, 36.0, AgentWork::pushTimeout)
            .field("RoutingType", PICKLIST, 50.0, w -> "QueueBased")
            .field("CapacityModel", PICKLIST, 50.0, w -> "StatusBased")
            .build();

    private static final List<SObjectType<?>> ALL = List.of(USER, GROUP, SERVICE_CHANNEL, SERVICE_PRESENCE_STATUS,
            USER_SERVICE_PRESENCE, AGENT_WORK);

    private OrgSchema() {
    }

    public static List<SObjectType<?>> all() {
        return ALL;
    }

    /** The object of that API name (any case) if it exists in the given API version. */
    public static SObjectType<?> find(String name, double apiVersion) {
        for (SObjectType<?> type : ALL) {
            if (type.name().equalsIgnoreCase(name) && type.availableIn(apiVersion)) {
                return type;
            }
        }
        return null;
    }

    /** The object whose ids start with the key prefix of {@code id}, or null. */
    public static SObjectType<?> ofId(String id) {
        if (id == null || id.length() < 3) {
            return null;
        }
        for (SObjectType<?> type : ALL) {
            if (id.startsWith(type.keyPrefix())) {
                return type;
            }
        }
        return null;
    }
}
