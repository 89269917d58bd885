package org.s11evaluator.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.s11evaluator.yaml.LimitedYaml;

/**
 * Reads a {@code policy-values.yaml}: a flat table of named values (numbers, shares such as 1/3 or 20%,
 * lists such as [6, 9]), remembering the line of each so a bad value is reported where it is.
 */
class PolicyValuesReader {

	private final YAMLFactory yaml = LimitedYaml.factory();

	Map<String, RulePack.PolicyValue> read(String fileName, String text, String packId) {
		Map<String, RulePack.PolicyValue> values = new LinkedHashMap<>();
		try (JsonParser parser = this.yaml.createParser(text)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				return values;
			}
			if (token != JsonToken.START_OBJECT) {
				throw problem(packId, fileName, parser.currentTokenLocation().getLineNr(), "expected lines of the form  name: value");
			}
			while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
				String name = parser.currentName();
				int line = parser.currentTokenLocation().getLineNr();
				token = parser.nextToken();
				String value;
				List<Integer> lines = List.of();
				if (token == JsonToken.START_ARRAY) {
					List<String> items = new ArrayList<>();
					List<Integer> itemLines = new ArrayList<>();
					while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
						itemLines.add(parser.currentTokenLocation().getLineNr());
						if (!token.isScalarValue()) {
							throw problem(packId, fileName, parser.currentTokenLocation().getLineNr(), "'" + name + "' must be a simple list such as [6, 9]");
						}
						items.add(parser.getText());
					}
					value = "[" + String.join(", ", items) + "]";
					lines = itemLines;
				}
				else if (token.isScalarValue()) {
					value = parser.getText();
				}
				else {
					throw problem(packId, fileName, line, "'" + name + "' must be a single value or a list such as [6, 9], not a group of values");
				}
				if (values.containsKey(name)) {
					throw problem(packId, fileName, line, "'" + name + "' is set twice (first at line " + values.get(name).line() + ")");
				}
				values.put(name, new RulePack.PolicyValue(value, fileName, line, lines));
			}
		}
		catch (JsonProcessingException ex) {
			RuleProblem problem = YamlProblems.of(fileName, text, ex);
			// like every other problem of this table, by line alone
			throw problem(packId, fileName, problem.line(), problem.message());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return values;
	}

	private static RulePackException problem(String packId, String file, int line, String message) {
		return new RulePackException(packId, List.of(new RuleProblem(file, line, 0, message)));
	}

}
