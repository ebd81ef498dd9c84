package dev.wfmconnector.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests under {@code k8s/} select the connector's pods: the base labels them (kustomize {@code labels} with
 * selectors), and a selector an overlay adds must name those labels itself, since the base's labels do not reach
 * resources an overlay adds. A PodDisruptionBudget without a selector protects no pod.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");

    @Test
    void everyPodDisruptionBudgetSelectsTheConnectorPods() throws IOException {
        Map<String, String> podLabels = baseLabels();
        assertThat(podLabels).isNotEmpty();
        List<Map<String, Object>> budgets = manifests().stream()
                .filter(m -> "PodDisruptionBudget".equals(m.get("kind"))).toList();
        assertThat(budgets).as("the production overlay has a PodDisruptionBudget").isNotEmpty();
        for (Map<String, Object> budget : budgets) {
            Map<?, ?> selector = (Map<?, ?>) ((Map<?, ?>) budget.get("spec")).get("selector");
            assertThat(selector).as("spec.selector of %s", budget.get("metadata")).isNotNull();
            Map<?, ?> matchLabels = (Map<?, ?>) selector.get("matchLabels");
            assertThat(matchLabels).as("spec.selector.matchLabels of %s", budget.get("metadata")).isNotEmpty();
            assertThat(podLabels).containsAllEntriesOf(asStrings(matchLabels));
        }
    }

    /** The labels k8s/base/kustomization.yaml puts on every resource and selector of the base, pods included. */
    private static Map<String, String> baseLabels() throws IOException {
        try (Reader reader = Files.newBufferedReader(K8S.resolve("base/kustomization.yaml"))) {
            Map<String, Object> kustomization = new Yaml().load(reader);
            List<?> labels = (List<?>) kustomization.get("labels");
            Map<String, String> pairs = new LinkedHashMap<>();
            for (Object entry : labels) {
                Map<?, ?> label = (Map<?, ?>) entry;
                if (Boolean.TRUE.equals(label.get("includeSelectors"))) {
                    pairs.putAll(asStrings((Map<?, ?>) label.get("pairs")));
                }
            }
            return pairs;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> manifests() throws IOException {
        List<Map<String, Object>> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object document : new Yaml().loadAll(reader)) {
                        if (document instanceof Map<?, ?> manifest && manifest.containsKey("kind")) {
                            manifests.add((Map<String, Object>) manifest);
                        }
                    }
                }
            }
        }
        return manifests;
    }

    private static Map<String, String> asStrings(Map<?, ?> map) {
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((k, v) -> strings.put(String.valueOf(k), String.valueOf(v)));
        return strings;
    }
}
