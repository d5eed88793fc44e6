package io.github.devcontainercache.caches.discovery;

import java.util.List;
import java.util.Map;

/**
 * A value of a JSON or YAML document with the line it stands on, so that every message can point at it.
 * Objects keep their members in document order; a member's line is the line of its name.
 */
sealed interface Node permits Node.ObjectNode, Node.ArrayNode, Node.ValueNode {

    int line();

    record ObjectNode(Map<String, Node> members, Map<String, Integer> memberLines, int line) implements Node {
        Node get(String name) {
            return members.get(name);
        }

        /** The line of a member's name, or the object's own line when absent. */
        int lineOf(String name) {
            return memberLines.getOrDefault(name, line);
        }

        /** A member as text when it is a scalar, else {@code null}. */
        String text(String name) {
            return members.get(name) instanceof ValueNode value && value.value() != null
                    ? value.value().toString()
                    : null;
        }
    }

    record ArrayNode(List<Node> items, int line) implements Node {}

    /** A string, number, boolean or {@code null}. */
    record ValueNode(Object value, int line) implements Node {
        String text() {
            return value == null ? null : value.toString();
        }
    }
}
