package org.s11evaluator.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * The published JSON Schema of a return ({@code docs/submission.schema.json}, copied onto the classpath by the
 * build), applied with format assertions on, so that "2025-02-30" is not a date. Each violation is given by the
 * JSON pointer of the value concerned and a message in plain English ({@link SchemaMessages}).
 */
final class SubmissionSchema {

	/** Where the build puts the published schema; the one copy the import reads. */
	static final String RESOURCE = "/org/s11evaluator/submission/submission.schema.json";

	private static final SubmissionSchema PUBLISHED = load();

	private final Schema schema;

	private final JsonNode document;

	private SubmissionSchema(Schema schema, JsonNode document) {
		this.schema = schema;
		this.document = document;
	}

	/** The schema as shipped with the application. */
	static SubmissionSchema published() {
		return PUBLISHED;
	}

	/** One value the schema refuses: its JSON pointer in the return, and why, in plain words. */
	record Violation(String pointer, String message) {
	}

	/** Every violation, one per value and rule (a rule reached through two references is reported once). */
	List<Violation> check(JsonNode root) {
		List<Violation> violations = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Error error : this.schema.validate(root)) {
			String pointer = pointer(error.getInstanceLocation());
			String schemaAt = String.valueOf(error.getSchemaLocation());
			if (schemaAt.contains("#/$defs/action/anyOf/")) {
				// the two branches of "item or standard" fail together; one sentence says what is needed
				String action = pointer.replaceAll("^(/actions/\\d+).*$", "$1");
				if (seen.add(action + " anyOf")) {
					violations.add(new Violation(action, "an action must name the \"item\" or the \"standard\" it answers"));
				}
				continue;
			}
			if (error.getProperty() != null && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
				pointer = pointer + JsonPositions.pointer(error.getProperty());
			}
			if (seen.add(pointer + " " + error.getKeyword())) {
				violations.add(new Violation(pointer, SchemaMessages.plain(error, this.document)));
			}
		}
		return violations;
	}

	private static String pointer(NodePath path) {
		Object[] segments = new Object[path.getNameCount()];
		for (int i = 0; i < segments.length; i++) {
			segments[i] = path.getElement(i);
		}
		return JsonPositions.pointer(segments);
	}

	private static SubmissionSchema load() {
		try (InputStream in = SubmissionSchema.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The submission schema " + RESOURCE + " is not on the classpath: the build copies it from docs/");
			}
			JsonNode document = new ObjectMapper().readTree(in);
			SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
					(builder) -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
			return new SubmissionSchema(registry.getSchema(document), document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The submission schema " + RESOURCE + " cannot be read", ex);
		}
	}

}
