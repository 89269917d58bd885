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
public record Framework(Partnership partnership, String source, Scale scale, List<Standard> standards, Baseline baseline) {

	public Framework {
		standards = (standards != null) ? List.copyOf(standards) : List.of();
		baseline = (baseline != null) ? baseline : new Baseline(List.of());
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

	public record Level(String code, String label, String meaning) {
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
