package dev.wfmconnector.simulator.scenario;

import dev.wfmconnector.simulator.org.Group;
import dev.wfmconnector.simulator.org.ServiceChannel;
import dev.wfmconnector.simulator.org.ServicePresenceStatus;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import java.util.List;

/**
 * The Omni-Channel setup every simulated org has: three service channels, four queues (two chat, one voice,
 * one email) plus a group that is not a queue, and presence statuses for every activity list of the default
 * configuration (Ready, On call, Not ready, Training, Admin, Email, Idle) and some in no list (Lunch, Meeting).
 */
public record ContactCenter(ServiceChannel chat, ServiceChannel phone, ServiceChannel cases,
                            Group chatSales, Group chatSupport, Group voiceSupport, Group emailSupport,
                            ServicePresenceStatus ready, ServicePresenceStatus onCall, ServicePresenceStatus email,
                            ServicePresenceStatus notReady, ServicePresenceStatus training,
                            ServicePresenceStatus admin, ServicePresenceStatus idle, ServicePresenceStatus lunch,
                            ServicePresenceStatus meeting) {

    /** Creates the channels, queues and statuses in an org. */
    public static ContactCenter install(SimulatedOrg org) {
        ServiceChannel chat = org.addChannel("sfdc_livechat", "Chat", "LiveChatTranscript");
        ServiceChannel phone = org.addChannel("sfdc_phone", "Phone", "VoiceCall");
        ServiceChannel cases = org.addChannel("Case_Channel", "Case", "Case");
        Group chatSales = org.addQueue("Chat Sales", "Chat_Sales", chat.developerName());
        Group chatSupport = org.addQueue("Chat Support", "Chat_Support", chat.developerName());
        Group voiceSupport = org.addQueue("Voice Support", "Voice_Support", phone.developerName());
        Group emailSupport = org.addQueue("Email Support", "Email_Support", cases.developerName());
        org.addGroup("All Agents", "All_Agents");
        return new ContactCenter(chat, phone, cases, chatSales, chatSupport, voiceSupport, emailSupport,
                org.addPresenceStatus("Ready", "Ready", chat.developerName(), phone.developerName()),
                org.addPresenceStatus("On call", "On_Call", phone.developerName()),
                org.addPresenceStatus("Email", "Email", cases.developerName()),
                org.addPresenceStatus("Not ready", "Not_Ready"),
                org.addPresenceStatus("Training", "Training"),
                org.addPresenceStatus("Admin", "Admin"),
                org.addPresenceStatus("Idle", "Idle"),
                org.addPresenceStatus("Lunch", "Lunch"),
                org.addPresenceStatus("Meeting", "Meeting"));
    }

    public List<Group> queues() {
        return List.of(chatSales, chatSupport, voiceSupport, emailSupport);
    }
}
