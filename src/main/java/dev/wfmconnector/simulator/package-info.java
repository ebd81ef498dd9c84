/**
 * A Salesforce org simulator on loopback, for tests, benchmarks and the demo: everything the connector reads
 * from Salesforce, over the real wire protocols, so the real camel-salesforce client runs against it.
 *
 * <ul>
 *   <li>{@link dev.wfmconnector.simulator.SalesforceOrgSimulator}: the facade (builder, start, URLs, faults).</li>
 *   <li>{@code org}: the org's data (User, Group, ServiceChannel, ServicePresenceStatus, UserServicePresence,
 *       AgentWork) and the scripting API of hand-computed tests ({@link dev.wfmconnector.simulator.org.SimulatedOrg}).</li>
 *   <li>{@code scenario}: a seeded contact center producing that data, pre-filled or live.</li>
 *   <li>{@code soql}: the SOQL subset (parser, planner, evaluator).</li>
 *   <li>{@code rest}: the HTTP server (OAuth, REST API, admin API under {@code /__admin}).</li>
 *   <li>{@code pubsub}: the Pub/Sub API (gRPC) server, connected through
 *       {@link dev.wfmconnector.simulator.SalesforceOrgSimulator#connectPubSub}.</li>
 * </ul>
 */
package dev.wfmconnector.simulator;
