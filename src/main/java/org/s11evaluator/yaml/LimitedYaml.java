package org.s11evaluator.yaml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Every YAML file the evaluator reads (cycle files, rule packs' frameworks, policy values and cases, the operators'
 * {@code batch-config/}) is read within the same limits, so a file cannot exhaust memory or time: at most
 * {@value #MAX_CODE_POINTS} characters, nested at most {@value #MAX_NESTING_DEPTH} deep. The files officers write are
 * read by Jackson, which does not expand aliases (it would read {@code *name} as the text "name"), so an alias there
 * is refused at its line; {@code batch-config/} is read by Spring Boot, which does expand them, so there at most
 * {@value #MAX_ALIASES} aliases may expand to at most {@value #MAX_EXPANDED_VALUES} values, and an alias inside
 * itself is refused (a "billion laughs" document, a few hundred bytes that expand to billions of values).
 */
public final class LimitedYaml {

	/** The largest file: the biggest shipped (a framework) is 14 KB, so this leaves room and refuses a flood. */
	public static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

	/** The deepest nesting of mappings and lists: the shipped files nest less than ten deep. */
	public static final int MAX_NESTING_DEPTH = 50;

	/** Aliases to a mapping or list in one settings document; settings need none. */
	public static final int MAX_ALIASES = 20;

	/** The values (keys, scalars, mappings, lists) a settings document may hold once its aliases are expanded. */
	public static final int MAX_EXPANDED_VALUES = 100_000;

	private LimitedYaml() {
	}

	/** SnakeYAML's options with these limits. */
	public static LoaderOptions loaderOptions() {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(MAX_CODE_POINTS);
		options.setNestingDepthLimit(MAX_NESTING_DEPTH);
		options.setMaxAliasesForCollections(MAX_ALIASES);
		options.setAllowRecursiveKeys(false);
		options.setAllowDuplicateKeys(false);
		return options;
	}

	/** A Jackson YAML factory with these limits, which refuses aliases. */
	public static YAMLFactory factory() {
		return new LimitedYamlFactory();
	}

	/** A Jackson mapper on {@link #factory()}. */
	public static ObjectMapper mapper() {
		return new ObjectMapper(factory());
	}

	/**
	 * The one configuration for reading a YAML file into objects (cycle files, frameworks, cases, pack checks):
	 * {@link #mapper()}, with {@code java.time} values, refusing a field the type does not have. A caller may add its
	 * own problem handler (the rule files name an unknown field at its line).
	 */
	public static ObjectMapper reader() {
		return mapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
			.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

}
