package org.s11evaluator.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.s11evaluator.rules.facts.Rag;
import org.s11evaluator.yaml.LimitedYaml;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks what a case file names against the pack, at the line of each name: the items and standards in its
 * {@code given} and {@code expect}/{@code absent} exist in the framework, each rating is one of the pack's scale
 * (given) or a rating the rules conclude (expected), and each finding code and rule is one the pack's rules can
 * produce. A case naming something that does not exist can never pass, or passes for the wrong reason (an
 * {@code absent} finding with a misspelt code is always absent).
 */
final class CaseFileCheck {

	private static final List<String> RAGS = Arrays.stream(Rag.values()).map(Rag::name).toList();

	private final RulePack pack;

	private final PackVocabulary vocabulary;

	private final Set<String> items;

	private final Set<String> standards;

	private final List<RuleProblem> problems = new ArrayList<>();

	private String file;

	CaseFileCheck(RulePack pack, PackVocabulary vocabulary) {
		this.pack = pack;
		this.vocabulary = vocabulary;
		this.items = new TreeSet<>(pack.framework().itemsById().keySet());
		this.standards = new TreeSet<>(pack.framework().standards().stream().map(Framework.Standard::id).toList());
	}

	/** Problems of one case file that Jackson has already read without error. */
	List<RuleProblem> check(String file, String text) {
		this.file = file;
		this.problems.clear();
		Node root = new Yaml(LimitedYaml.loaderOptions()).compose(new StringReader(text));
		if (root instanceof MappingNode mapping) {
			given(value(mapping, "defaults"));
			if (value(mapping, "cases") instanceof SequenceNode cases) {
				for (Node ruleCase : cases.getValue()) {
					if (ruleCase instanceof MappingNode named) {
						given(value(named, "given"));
						outcomes(value(named, "expect"));
						outcomes(value(named, "absent"));
					}
				}
			}
		}
		return List.copyOf(this.problems);
	}

	private void given(Node given) {
		if (!(given instanceof MappingNode mapping)) {
			return;
		}
		for (MappingNode response : entries(value(mapping, "responses"))) {
			item(value(response, "item"));
			rating(value(response, "rating"));
		}
		for (MappingNode answer : entries(value(mapping, "survey"))) {
			item(value(answer, "item"));
		}
		for (String list : List.of("actions", "tallies")) {
			for (MappingNode entry : entries(value(mapping, list))) {
				item(value(entry, "item"));
				standard(value(entry, "standard"));
			}
		}
	}

	private void outcomes(Node outcomes) {
		if (!(outcomes instanceof MappingNode mapping)) {
			return;
		}
		for (MappingNode finding : entries(value(mapping, "findings"))) {
			code(value(finding, "code"));
			item(value(finding, "item"));
			standard(value(finding, "standard"));
			rule(value(finding, "rule"));
		}
		for (MappingNode followUp : entries(value(mapping, "followUps"))) {
			item(value(followUp, "item"));
			standard(value(followUp, "standard"));
			rule(value(followUp, "rule"));
		}
		ratings(value(mapping, "standards"), this.standards, "standard");
		ratings(value(mapping, "itemRatings"), this.items, "item");
		Set<String> either = new TreeSet<>(this.items);
		either.addAll(this.standards);
		ratings(value(mapping, "partnership"), either, "item or standard");
	}

	private void ratings(Node ratings, Set<String> ids, String what) {
		if (!(ratings instanceof MappingNode mapping)) {
			return;
		}
		for (NodeTuple entry : mapping.getValue()) {
			if (entry.getKeyNode() instanceof ScalarNode key && !ids.contains(key.getValue())) {
				add(key, what + " \"" + key.getValue() + "\" is not in the framework (" + frameworkFile() + ")" + DidYouMean.hint(key.getValue(), ids));
			}
			if (entry.getValueNode() instanceof ScalarNode rag && !"NONE".equalsIgnoreCase(rag.getValue())
					&& RAGS.stream().noneMatch(rag.getValue()::equalsIgnoreCase)) {
				add(rag, "\"" + rag.getValue() + "\" is not a rating the rules conclude (" + String.join(", ", RAGS)
						+ ", or NONE for no rating)" + DidYouMean.closest(rag.getValue(), RAGS)
							.map((c) -> "; did you mean " + DidYouMean.inTheirCase(rag.getValue(), c) + "?").orElse(""));
			}
		}
	}

	private void item(Node node) {
		if (node instanceof ScalarNode item && !this.items.contains(item.getValue())) {
			add(item, "item \"" + item.getValue() + "\" is not in the framework (" + frameworkFile() + ")" + DidYouMean.hint(item.getValue(), this.items));
		}
	}

	private void standard(Node node) {
		if (node instanceof ScalarNode standard && !this.standards.contains(standard.getValue())) {
			add(standard, "standard \"" + standard.getValue() + "\" is not in the framework (" + frameworkFile() + ")"
					+ DidYouMean.hint(standard.getValue(), this.standards));
		}
	}

	private void rating(Node node) {
		List<String> codes = this.pack.framework().scale().codes();
		if (node instanceof ScalarNode rating && !codes.contains(rating.getValue())) {
			add(rating, "\"" + rating.getValue() + "\" is not a rating of this pack (its scale: " + String.join(", ", codes) + ")"
					+ DidYouMean.hint(rating.getValue(), codes));
		}
	}

	private void code(Node node) {
		if (node instanceof ScalarNode code && this.vocabulary.codesKnown() && !this.vocabulary.findingCodes().contains(code.getValue())) {
			add(code, "finding code \"" + code.getValue() + "\" is not one this pack's rules can produce" + DidYouMean.hint(code.getValue(),
					this.vocabulary.findingCodes()) + " (codes: " + String.join(", ", this.vocabulary.findingCodes()) + ")");
		}
	}

	private void rule(Node node) {
		if (node instanceof ScalarNode rule && this.vocabulary.complete() && !this.vocabulary.ruleNames().isEmpty() && !this.vocabulary.ruleNames().contains(rule.getValue())
				&& !this.vocabulary.ruleIds().contains(rule.getValue())) {
			add(rule, "rule \"" + rule.getValue() + "\" is not a rule of this pack" + DidYouMean.hint(rule.getValue(), this.vocabulary.ruleIds())
					+ " (write its id, such as " + this.vocabulary.ruleIds().iterator().next() + ")");
		}
	}

	private String frameworkFile() {
		return this.pack.id() + "/" + RulePacks.FRAMEWORK_FILE;
	}

	private void add(Node node, String message) {
		this.problems.add(new RuleProblem(this.file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, message));
	}

	private static Node value(MappingNode mapping, String key) {
		for (NodeTuple entry : mapping.getValue()) {
			if (entry.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
				return entry.getValueNode();
			}
		}
		return null;
	}

	private static Collection<MappingNode> entries(Node list) {
		if (!(list instanceof SequenceNode sequence)) {
			return List.of();
		}
		return sequence.getValue().stream().filter(MappingNode.class::isInstance).map(MappingNode.class::cast).toList();
	}

}
