package dev.wfmconnector.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Cuts published envelopes into HTTP batches: one run of batches per record type (types in the order they first
 * appear), each at most {@value #MAX_SIZE} envelopes, record order kept within a type.
 */
@Component("httpBatches")
public class HttpBatches {
    public static final int MAX_SIZE = 500;

    public List<HttpBatch> split(List<Envelope> envelopes) {
        Map<String, List<Envelope>> byType = new LinkedHashMap<>();
        for (Envelope envelope : envelopes) {
            byType.computeIfAbsent(envelope.type(), t -> new ArrayList<>()).add(envelope);
        }
        List<HttpBatch> batches = new ArrayList<>();
        byType.forEach((type, ofType) -> {
            for (int from = 0; from < ofType.size(); from += MAX_SIZE) {
                batches.add(new HttpBatch(type, ofType.subList(from, Math.min(from + MAX_SIZE, ofType.size()))));
            }
        });
        return batches;
    }
}
