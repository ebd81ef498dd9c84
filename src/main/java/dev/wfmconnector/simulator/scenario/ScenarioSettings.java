package dev.wfmconnector.simulator.scenario;

/**
 * What the scenario simulates: {@code agents} agents (about 50 by default; 0 for an org scripted by hand),
 * contact volume scaled from about 2,100 contacts a weekday per 50 agents by {@code contactVolume}, everything
 * drawn deterministically from {@code seed}.
 */
public record ScenarioSettings(long seed, int agents, double contactVolume) {

    public ScenarioSettings {
        if (agents < 0 || contactVolume < 0) {
            throw new IllegalArgumentException("agents and contact volume must not be negative");
        }
    }

    public static ScenarioSettings defaults() {
        return new ScenarioSettings(42, 50, 1.0);
    }
}
