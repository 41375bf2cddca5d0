package io.hypermesh.service.json;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Refuses, wherever a body carries them, the two kinds of value that parse but must never be stored: text with
 * a NUL character (PostgreSQL cannot store it, and it truncates strings in C-based tools a verifier may use) and
 * non-finite numbers ({@code 1e400} overflows to infinity, which JSON cannot even write back). Strings and
 * floating-point numbers are checked as they are read; free-form values (a {@link JsonNode}, a {@link Map}, an
 * {@code Object}) are walked once after they are read.
 */
final class StrictValues extends ValueDeserializerModifier {

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
            ValueDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        boolean checked = type == String.class || type == Double.class || type == double.class
                || type == Float.class || type == float.class || type == Object.class
                || JsonNode.class.isAssignableFrom(type);
        return checked ? new Checked(deserializer) : deserializer;
    }

    /** Tree nodes are not offered to a modifier; the module registers these checked ones instead. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void registerTrees(SimpleModule module) {
        for (Class type : List.of(JsonNode.class, ObjectNode.class, ArrayNode.class)) {
            module.addDeserializer(type, new Checked(JsonNodeDeserializer.getDeserializer(type)));
        }
    }

    @Override
    public ValueDeserializer<?> modifyMapDeserializer(DeserializationConfig config,
            tools.jackson.databind.type.MapType type, BeanDescription.Supplier description,
            ValueDeserializer<?> deserializer) {
        return new Checked(deserializer);
    }

    /** Runs the standard deserializer, then checks what it produced. */
    static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            check(parser, value, "");
            return value;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into) throws JacksonException {
            Object value = super.deserialize(parser, context, into);
            check(parser, value, "");
            return value;
        }
    }

    static void check(JsonParser parser, Object value, String where) {
        if (value instanceof String text) {
            if (text.indexOf('\0') >= 0) {
                throw new RefusedValueException(parser, where, ValueRules.NUL);
            }
        } else if (value instanceof Double number) {
            if (!Double.isFinite(number)) {
                throw new RefusedValueException(parser, where, ValueRules.NON_FINITE);
            }
        } else if (value instanceof Float number) {
            if (!Float.isFinite(number)) {
                throw new RefusedValueException(parser, where, ValueRules.NON_FINITE);
            }
        } else if (value instanceof JsonNode node) {
            checkTree(parser, node, where);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                check(parser, key, where + "." + printable(key));
                check(parser, item, where + "." + printable(key));
            });
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                check(parser, item, where + "[" + index++ + "]");
            }
        }
    }

    private static void checkTree(JsonParser parser, JsonNode node, String where) {
        if (node.isString()) {
            check(parser, node.stringValue(), where);
        } else if (node.isFloatingPointNumber()) {
            check(parser, node.doubleValue(), where);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                check(parser, field.getKey(), where + "." + printable(field.getKey()));
                checkTree(parser, field.getValue(), where + "." + printable(field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTree(parser, node.get(i), where + "[" + i + "]");
            }
        }
    }

    /** A name as it can be shown back in a field path: a NUL written as its JSON escape. */
    private static String printable(Object name) {
        return String.valueOf(name).replace("\0", "\\u0000");
    }
}
