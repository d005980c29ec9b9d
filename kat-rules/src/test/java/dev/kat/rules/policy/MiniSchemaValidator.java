package dev.kat.rules.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validator for the subset of JSON Schema 2020-12 our schemas use ($ref to $defs, type, const, enum,
 * properties, additionalProperties, required, items, min/maxItems, uniqueItems, minProperties, minLength,
 * minimum, maximum, exclusiveMinimum, exclusiveMaximum). Test code: it lets the tests check that the
 * published schemas accept the examples and reject what the reader rejects, without another dependency.
 */
final class MiniSchemaValidator {
  private final JsonNode root;

  MiniSchemaValidator(JsonNode root) {
    this.root = root;
  }

  List<String> validate(JsonNode doc) {
    List<String> out = new ArrayList<>();
    check(root, doc, "$", out);
    return out;
  }

  private JsonNode resolve(JsonNode s) {
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      if (!ref.startsWith("#/$defs/")) {
        throw new IllegalArgumentException("unsupported $ref " + ref);
      }
      s = root.get("$defs").get(ref.substring("#/$defs/".length()));
    }
    return s;
  }

  private void check(JsonNode schema, JsonNode v, String path, List<String> out) {
    if (schema.isBoolean()) {
      if (!schema.asBoolean()) {
        out.add(path + ": not allowed");
      }
      return;
    }
    JsonNode s = resolve(schema);
    if (s.has("const") && !s.get("const").equals(v)) {
      out.add(path + ": must be " + s.get("const"));
    }
    if (s.has("enum")) {
      boolean found = false;
      for (JsonNode e : s.get("enum")) {
        found |= e.equals(v);
      }
      if (!found) {
        out.add(path + ": must be one of " + s.get("enum"));
      }
    }
    if (s.has("type") && !typeOk(s.get("type"), v)) {
      out.add(path + ": must be of type " + s.get("type"));
      return;
    }
    if (v.isObject()) {
      Set<String> props = new HashSet<>();
      if (s.has("properties")) {
        s.get("properties").fieldNames().forEachRemaining(props::add);
      }
      for (JsonNode r : s.path("required")) {
        if (!v.has(r.asText())) {
          out.add(path + ": missing " + r.asText());
        }
      }
      if (s.has("minProperties") && v.size() < s.get("minProperties").asInt()) {
        out.add(path + ": too few properties");
      }
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        String p = path + "." + e.getKey();
        if (props.contains(e.getKey())) {
          check(s.get("properties").get(e.getKey()), e.getValue(), p, out);
        } else if (s.has("additionalProperties")) {
          check(s.get("additionalProperties"), e.getValue(), p, out);
        }
      }
    }
    if (v.isArray()) {
      if (s.has("minItems") && v.size() < s.get("minItems").asInt()) {
        out.add(path + ": too few items");
      }
      if (s.has("maxItems") && v.size() > s.get("maxItems").asInt()) {
        out.add(path + ": too many items");
      }
      if (s.path("uniqueItems").asBoolean(false)) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode item : v) {
          if (!seen.add(item)) {
            out.add(path + ": duplicate item " + item);
          }
        }
      }
      if (s.has("items")) {
        for (int i = 0; i < v.size(); i++) {
          check(s.get("items"), v.get(i), path + "[" + i + "]", out);
        }
      }
    }
    if (v.isTextual() && s.has("minLength") && v.asText().length() < s.get("minLength").asInt()) {
      out.add(path + ": too short");
    }
    if (v.isNumber()) {
      double d = v.asDouble();
      if (s.has("minimum") && d < s.get("minimum").asDouble()) {
        out.add(path + ": below minimum");
      }
      if (s.has("maximum") && d > s.get("maximum").asDouble()) {
        out.add(path + ": above maximum");
      }
      if (s.has("exclusiveMinimum") && d <= s.get("exclusiveMinimum").asDouble()) {
        out.add(path + ": not above exclusiveMinimum");
      }
      if (s.has("exclusiveMaximum") && d >= s.get("exclusiveMaximum").asDouble()) {
        out.add(path + ": not below exclusiveMaximum");
      }
    }
  }

  private static boolean typeOk(JsonNode type, JsonNode v) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeOk(t, v)) {
          return true;
        }
      }
      return false;
    }
    switch (type.asText()) {
      case "object":
        return v.isObject();
      case "array":
        return v.isArray();
      case "string":
        return v.isTextual();
      case "number":
        return v.isNumber();
      case "integer":
        return v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
      case "boolean":
        return v.isBoolean();
      case "null":
        return v.isNull();
      default:
        throw new IllegalArgumentException("unknown type " + type);
    }
  }
}
