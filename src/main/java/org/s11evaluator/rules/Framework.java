package org.s11evaluator.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A partnership's audit template as its policy officers keep it in {@code framework.yaml}: the standards, their
 * items with ids and wording, and the rating scale agencies answer in.
 */
public record Framework(Partnership partnership, String source, Scale scale, List<Standard> standards, Baseline baseline,
		Levels levels) {

	public Framework {
		standards = (standards != null) ? List.copyOf(standards) : List.of();
		baseline = (baseline != null) ? baseline : new Baseline(List.of());
		levels = (levels != null) ? levels : Levels.DEFAULT;
	}

	/**
	 * The framework's own words for its two levels (the top-level groups listed under {@code standards:} and the
	 * numbered lines inside them, listed as {@code items:}), and the level its partnership rule is applied at:
	 * {@code lines} (Pan-Sussex: the rule applies to each numbered standard, never to a whole area) or
	 * {@code groups-and-lines} (the pack also rates each group, by the rule stated in {@code group-rule}).
	 * {@code rag-colours: false} keeps red, amber and green out of the board's charts (a template that sets no
	 * partnership threshold, such as Pan-London 2012's). Without it a pack calls its groups standards and its
	 * lines items, rates both, and is shown in the colours its scale's levels map to.
	 */
	public record Levels(String group, String groups, String line, String lines,
			@com.fasterxml.jackson.annotation.JsonProperty("rated-at") String ratedAt,
			@com.fasterxml.jackson.annotation.JsonProperty("group-rule") String groupRule,
			@com.fasterxml.jackson.annotation.JsonProperty("rag-colours") Boolean ragColours) {

		public static final String LINES = "lines";

		public static final String GROUPS_AND_LINES = "groups-and-lines";

		static final Levels DEFAULT = new Levels("standard", "standards", "item", "items", GROUPS_AND_LINES, null, true);

		public Levels {
			group = (group != null) ? group : "standard";
			groups = (groups != null) ? groups : group + "s";
			line = (line != null) ? line : "item";
			lines = (lines != null) ? lines : line + "s";
			ratedAt = (ratedAt != null) ? ratedAt : GROUPS_AND_LINES;
			ragColours = (ragColours != null) ? ragColours : Boolean.TRUE;
		}

		/** Whether the pack's partnership rule rates whole groups too (else a group is shown by its lines' ratings). */
		public boolean groupsRated() {
			return GROUPS_AND_LINES.equals(this.ratedAt);
		}

	}

	/** Baseline rules (from {@code rules/common/}) this pack switches off, by rule id. */
	public record Baseline(List<String> disable) {

		public Baseline {
			disable = (disable != null) ? List.copyOf(disable) : List.of();
		}

	}

	public record Partnership(String id, String name, String covers) {
	}

	public record Scale(String name, List<Level> levels) {

		public Scale {
			levels = (levels != null) ? List.copyOf(levels) : List.of();
		}

		public Optional<Level> level(String code) {
			return this.levels.stream().filter((level) -> level.code().equals(code)).findFirst();
		}

		public List<String> codes() {
			return this.levels.stream().map(Level::code).toList();
		}

	}

	/**
	 * One level of the scale; {@code rag} is the red/amber/green colour the pack maps it to (green, amber, red),
	 * or none: a report colours a level only where the pack says so. {@code short} is the label in a chart's
	 * legend (the label itself when not given).
	 */
	public record Level(String code, String label, String meaning, String rag,
			@com.fasterxml.jackson.annotation.JsonProperty("short") String shortLabel) {

		public String shortLabel() {
			return (this.shortLabel != null) ? this.shortLabel : this.label;
		}

	}

	public record Standard(String id, String title, String question, boolean modelled, String note,
			List<Item> items) {

		public Standard {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	public record Item(String id, String text) {
	}

	/** Every item of the framework by id, with the standard it belongs to. */
	public Map<String, Standard> standardByItemId() {
		return this.standards.stream()
			.flatMap((standard) -> standard.items().stream().map((item) -> Map.entry(item.id(), standard)))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public Map<String, Item> itemsById() {
		return this.standards.stream()
			.flatMap((standard) -> standard.items().stream())
			.collect(Collectors.toMap(Item::id, Function.identity()));
	}

	public Optional<Standard> standard(String id) {
		return this.standards.stream().filter((standard) -> standard.id().equals(id)).findFirst();
	}

	public int itemCount() {
		return this.standards.stream().mapToInt((standard) -> standard.items().size()).sum();
	}

}
