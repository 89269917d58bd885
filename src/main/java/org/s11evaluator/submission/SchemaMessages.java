package org.s11evaluator.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;

/**
 * A JSON Schema violation rephrased for an agency's safeguarding lead: what was found and what is expected,
 * in words, with an example where one helps ({@code "2025-13-45" is not a real date}), never the validator's
 * own wording about keywords and patterns.
 */
final class SchemaMessages {

	private static final Pattern NO_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

	private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private SchemaMessages() {
	}

	static String plain(Error error, JsonNode schema) {
		JsonNode value = error.getInstanceNode();
		String schemaAt = String.valueOf(error.getSchemaLocation());
		return switch (String.valueOf(error.getKeyword())) {
			case "required" -> "is missing: it must be given";
			case "additionalProperties" -> "unknown field \"" + error.getProperty() + "\": expected one of " + allowedFields(schemaAt, schema);
			case "type" -> "expected " + expected(error.getSchemaNode()) + ", found " + describe(value);
			case "const" -> "expected \"" + error.getSchemaNode().asText() + "\", found " + describe(value);
			case "enum" -> describe(value) + " is not one of " + String.join(", ", texts(error.getSchemaNode()));
			case "maxLength" -> String.format("is %,d characters long; it may be at most %,d characters",
					value.asText().codePointCount(0, value.asText().length()), error.getSchemaNode().asInt());
			case "minLength" -> "is empty: expected text";
			case "maxItems" -> String.format("has %,d entries; it may have at most %,d", value.size(), error.getSchemaNode().asInt());
			case "pattern" -> pattern(schemaAt, value.asText());
			case "format" -> format(error.getSchemaNode().asText(), value.asText());
			default -> "does not match the submission format: " + error.getMessage();
		};
	}

	private static String pattern(String schemaAt, String text) {
		if (schemaAt.endsWith("/$defs/text/pattern")) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
					return String.format("contains a control character (U+%04X) at position %d: only printable text is accepted", (int) c, i + 1);
				}
			}
		}
		if (schemaAt.endsWith("/$defs/filledText/pattern")) {
			return "is empty: expected text";
		}
		if (schemaAt.endsWith("/agency/properties/id/pattern")) {
			return "expected lower-case letters, digits and hyphens (for example \"sussex-police\"), found \"" + text + "\"";
		}
		return "\"" + text + "\" is not in the expected form";
	}

	private static String format(String format, String text) {
		if ("date".equals(format)) {
			return "expected a real date as YYYY-MM-DD (for example \"2025-09-30\"), found \"" + text + "\"";
		}
		if ("date-time".equals(format)) {
			if (NO_OFFSET.matcher(text).matches()) {
				String plain = text.substring(0, 10) + "T" + text.substring(11);
				return "\"" + text + "\" has no time zone: add Z for UTC (\"" + plain + "Z\") or +01:00 for British Summer Time (\""
						+ plain + "+01:00\")";
			}
			if (DATE_ONLY.matcher(text).matches()) {
				return "\"" + text + "\" is a date without a time: give the date and time with its time zone, such as \"" + text
						+ "T10:30:00Z\" (UTC) or \"" + text + "T10:30:00+01:00\" (British Summer Time)";
			}
			return "expected a real date and time with its time zone, such as \"2025-03-14T10:30:00Z\", found \"" + text + "\"";
		}
		return "\"" + text + "\" is not a valid " + format;
	}

	private static List<String> allowedFields(String schemaAt, JsonNode schema) {
		int hash = schemaAt.indexOf('#');
		String owner = schemaAt.substring(hash + 1).replaceAll("/additionalProperties$", "");
		List<String> names = new ArrayList<>();
		schema.at(owner + "/properties").fieldNames().forEachRemaining(names::add);
		return names.stream().sorted().toList();
	}

	private static String expected(JsonNode types) {
		List<String> words = new ArrayList<>();
		for (String type : texts(types)) {
			switch (type) {
				case "string" -> words.add("text");
				case "object" -> words.add("an object");
				case "array" -> words.add("a list");
				case "integer", "number" -> words.add("a number");
				case "boolean" -> words.add("true or false");
				default -> {
					// null is allowed but never what a writer means to give
				}
			}
		}
		return String.join(" or ", words);
	}

	private static List<String> texts(JsonNode node) {
		List<String> texts = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((n) -> texts.add(n.asText()));
		}
		else {
			texts.add(node.asText());
		}
		return texts;
	}

	static String describe(JsonNode node) {
		if (node == null || node.isNull()) {
			return "nothing (null)";
		}
		if (node.isTextual()) {
			return "text \"" + node.asText() + "\"";
		}
		if (node.isNumber()) {
			return "number " + node.asText();
		}
		if (node.isBoolean()) {
			return "true/false " + node.asText();
		}
		if (node.isArray()) {
			return "a list";
		}
		return "an object";
	}

}
