package org.s11evaluator.rules;

import java.util.Collection;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Reports a misspelt field in a YAML file at the line of the field itself. (Jackson's own error for records
 * points at the end of the enclosing object, which is not where an officer would look.)
 */
class UnknownFieldAtItsLine extends DeserializationProblemHandler {

	@Override
	public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
			Object beanOrClass, String propertyName) {
		JsonLocation at = parser.currentTokenLocation();
		Collection<Object> known = deserializer.getKnownPropertyNames();
		java.util.List<String> names = (known != null) ? known.stream().map(String::valueOf).sorted().toList() : java.util.List.of();
		throw new UnknownField("unknown field '" + propertyName + "'" + (!names.isEmpty() ? ": expected one of " + names : ""), propertyName,
				names, at.getLineNr(), at.getColumnNr());
	}

	static final class UnknownField extends RuntimeException {

		final String field;

		final java.util.List<String> known;

		final int line;

		final int column;

		UnknownField(String message, String field, java.util.List<String> known, int line, int column) {
			super(message);
			this.field = field;
			this.known = known;
			this.line = line;
			this.column = column;
		}

	}

}
