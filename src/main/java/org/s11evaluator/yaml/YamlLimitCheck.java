package org.s11evaluator.yaml;

import java.io.Reader;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Whether a YAML document that will be read with its aliases expanded stays within {@link LimitedYaml}'s limits:
 * composed (not constructed) with SnakeYAML's limits on size, nesting and aliases, then walked as the expansion
 * would walk it, counting values and stopping at the first past the limit or at an alias inside itself.
 */
final class YamlLimitCheck {

	private final String source;

	private final Set<Node> path = Collections.newSetFromMap(new IdentityHashMap<>());

	private int values;

	private YamlLimitCheck(String source) {
		this.source = source;
	}

	/** Throws {@link IllegalStateException}, naming the source and the limit, if the document is past one. */
	static void check(Reader yaml, String source) {
		YamlLimitCheck check = new YamlLimitCheck(source);
		try {
			for (Node document : new Yaml(LimitedYaml.loaderOptions()).composeAll(yaml)) {
				check.walk(document);
			}
		}
		catch (YAMLException ex) {
			throw new IllegalStateException(source + ": refused, past the limits on YAML files (at most " + LimitedYaml.MAX_CODE_POINTS
					+ " characters, nested " + LimitedYaml.MAX_NESTING_DEPTH + " deep, " + LimitedYaml.MAX_ALIASES + " aliases): "
					+ ex.getMessage(), ex);
		}
	}

	private void walk(Node node) {
		if (++this.values > LimitedYaml.MAX_EXPANDED_VALUES) {
			throw new IllegalStateException(this.source + ": refused: its aliases expand to more than " + LimitedYaml.MAX_EXPANDED_VALUES
					+ " values (a \"billion laughs\" document?)");
		}
		if (!this.path.add(node)) {
			throw new IllegalStateException(this.source + ": refused: the value anchored at line " + (node.getStartMark().getLine() + 1)
					+ ", column " + (node.getStartMark().getColumn() + 1) + " holds an alias to itself");
		}
		if (node instanceof MappingNode mapping) {
			for (NodeTuple entry : mapping.getValue()) {
				walk(entry.getKeyNode());
				walk(entry.getValueNode());
			}
		}
		else if (node instanceof SequenceNode sequence) {
			sequence.getValue().forEach(this::walk);
		}
		this.path.remove(node);
	}

}
