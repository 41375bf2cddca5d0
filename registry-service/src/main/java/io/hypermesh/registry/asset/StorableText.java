package io.hypermesh.registry.asset;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stores neither {@code text} nor {@code jsonb} containing the NUL character; refusing it
 * as a named field error is better than a failed INSERT.
 */
final class StorableText {

    static final String PATTERN = "[^\\x00]*";
    static final String MESSAGE = "must not contain the NUL character";

    private StorableText() {
    }

    static boolean isStorable(JsonNode node) {
        if (node.isString()) {
            return node.stringValue().indexOf('\u0000') < 0;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (property.getKey().indexOf('\u0000') >= 0 || !isStorable(property.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode value : node.values()) {
                if (!isStorable(value)) {
                    return false;
                }
            }
        }
        return true;
    }
}
