package io.hypermesh.ledger.block;

import io.hypermesh.protocol.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a block is about: the string values of the payload's top-level {@code assetId}, {@code executionId}
 * and {@code hostId} (1-200 characters each), in that key order. Another value type, or a key nested deeper,
 * is not a subject. The same rule backfilled V2__add_block_subjects.sql.
 */
final class BlockSubjects {

    /** Sorted by name, as the SQL backfill orders them. */
    static final List<String> KEYS = List.of("assetId", "executionId", "hostId");
    static final int MAX_LENGTH = 200;

    private BlockSubjects() {
    }

    static List<String> of(String canonicalPayload) {
        JsonNode payload = CanonicalJson.parse(canonicalPayload);
        List<String> subjects = new ArrayList<>(KEYS.size());
        for (String key : KEYS) {
            JsonNode value = payload.get(key);
            if (value != null && value.isString() && !value.stringValue().isEmpty()
                    && value.stringValue().codePointCount(0, value.stringValue().length()) <= MAX_LENGTH) {
                subjects.add(value.stringValue());
            }
        }
        return List.copyOf(subjects);
    }
}
