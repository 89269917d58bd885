package org.s11evaluator.rules;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;


/**
 * {@code rules check [pack]}, {@code rules test [pack] [--junit-xml=DIR]} and {@code rules explain <pack>}
 * (their options are read by {@code command.CommandLineReader}, and run through {@code command.RulesCommandLine}): the policy officer's tools,
 * run straight from the rule files, with no database, fast enough to use after every edit.
 */
public final class RulesCommand {

	private final RulePacks packs;

	private final RulePackCheck checker;

	private final RuleCases cases;

	private final RulePackCompiler compiler;

	private final PrintStream out;

	RulesCommand(Path directory, PrintStream out) {
		this(directory, configured("s11.rules.max-rule-firings", Integer.class).orElse(10_000),
				configured("s11.rules.runner", org.s11evaluator.rules.runner.RunnerSettings.class)
					.orElseGet(org.s11evaluator.rules.runner.RunnerSettings::defaults),
				out);
	}

	/** Cases run as the nightly run runs them: in a rule runner (unless isolation is off), within the budgets. */
	RulesCommand(Path directory, int maxRuleFirings, org.s11evaluator.rules.runner.RunnerSettings runner, PrintStream out) {
		RulesSettings settings = new RulesSettings(directory, maxRuleFirings);
		RulePackCompiler compiler = new RulePackCompiler();
		this.compiler = compiler;
		this.packs = new RulePacks(settings);
		this.checker = new RulePackCheck(this.packs, compiler);
		this.cases = new RuleCases(this.packs, compiler, org.s11evaluator.rules.runner.RuleRunners.engine(settings, runner));
		this.out = out;
	}

	/** A value of {@code batch-config/rules.yml}, read as the application binds it; empty when not set. */
	private static <T> java.util.Optional<T> configured(String name, Class<T> type) {
		Path config = org.s11evaluator.home.ApplicationHome.locate().configFolder().resolve("rules.yml");
		if (!Files.exists(config)) {
			return java.util.Optional.empty();
		}
		try {
			List<org.springframework.core.env.PropertySource<?>> sources = new org.s11evaluator.yaml.LimitedYamlPropertySourceLoader()
				.load(config.toString(), new org.springframework.core.io.FileSystemResource(config));
			return new org.springframework.boot.context.properties.bind.Binder(
					org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(sources))
				.bind(name, type)
				.map(java.util.Optional::of)
				.orElse(java.util.Optional.empty());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + config.toAbsolutePath(), ex);
		}
	}

	/**
	 * Runs {@code rules check|test|explain} as read from the command line (by {@code command.RulesCommandLine}):
	 * the action, the pack (null: every pack), the {@code --rules} folder (null: the home's) and the
	 * {@code --junit-xml} folder (null: none). Returns the process exit code.
	 */
	public static int run(String action, String pack, String rulesDirectory, String junitXml, PrintStream out) {
		quietLogging();
		Path folder;
		try {
			folder = (rulesDirectory != null) ? requirePacksIn(Path.of(rulesDirectory).toAbsolutePath())
					: configuredDirectory();
		}
		catch (org.s11evaluator.home.ApplicationHomeException ex) {
			out.println(ex.getMessage());
			return 1;
		}
		RulesCommand command = new RulesCommand(folder, out);
		List<String> packIds = (pack != null) ? List.of(pack) : command.packs.ids();
		return switch (action) {
			case "check" -> command.check(packIds);
			case "explain" -> command.explain(packIds.get(0));
			default -> command.test(packIds, junitXml);
		};
	}

	int check(List<String> packIds) {
		int problems = 0;
		for (String packId : packIds) {
			long started = System.nanoTime();
			RulePackCheck.Checked checked = this.checker.check(packId);
			checked.problems().forEach((problem) -> this.out.println(problem));
			problems += checked.problems().size();
			this.out.printf("%s %s: %s (%d ms)%n", checked.ok() ? "OK  " : "FAIL", packId,
					checked.ok() ? checked.rules() + " rules compile, version " + checked.version().substring(0, 12)
							: checked.problems().size() + " problem(s)",
					(System.nanoTime() - started) / 1_000_000);
		}
		return (problems == 0) ? 0 : 1;
	}

	int explain(String packId) {
		RulePackCheck.Checked checked = this.checker.check(packId);
		if (!checked.ok()) {
			checked.problems().forEach((problem) -> this.out.println(problem));
			this.out.printf("FAIL %s: fix the problems above first%n", packId);
			return 1;
		}
		RulePackExplanation.print(this.compiler.compile(this.packs.load(packId)), this.out);
		return 0;
	}

	int test(List<String> packIds, String junitDir) {
		int failed = 0;
		for (String packId : packIds) {
			RulePackCheck.Checked checked = this.checker.check(packId);
			if (!checked.ok()) {
				checked.problems().forEach((problem) -> this.out.println(problem));
				this.out.printf("FAIL %s: the pack has problems, run 'rules check %s'%n", packId, packId);
				failed++;
				continue;
			}
			List<RuleCaseResult> results = this.cases.run(packId);
			Set<String> neverFired = new TreeSet<>(this.cases.ruleNames(packId));
			results.forEach((result) -> neverFired.removeAll(result.firedRules()));
			for (RuleCaseResult result : results) {
				if (!result.passed()) {
					this.out.println("FAIL " + result.displayName());
					result.failures().forEach((failure) -> this.out.println("    " + failure));
				}
			}
			long passed = results.stream().filter(RuleCaseResult::passed).count();
			this.out.printf("%s %s: %d of %d cases pass%n", (passed == results.size()) ? "OK  " : "FAIL", packId, passed, results.size());
			if (!neverFired.isEmpty()) {
				this.out.println("     rules no case fires (add a case where each fires):");
				neverFired.forEach((rule) -> this.out.println("       - " + rule));
			}
			failed += (int) (results.size() - passed) + (neverFired.isEmpty() ? 0 : 1);
			if (junitDir != null) {
				writeJUnit(Path.of(junitDir), packId, results, neverFired);
			}
		}
		return (failed == 0) ? 0 : 1;
	}

	private static void writeJUnit(Path folder, String packId, List<RuleCaseResult> results, Set<String> neverFired) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		long failures = results.stream().filter((r) -> !r.passed()).count() + (neverFired.isEmpty() ? 0 : 1);
		xml.append("<testsuite name=\"rules.").append(xml(packId)).append("\" tests=\"").append(results.size() + 1)
			.append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
		for (RuleCaseResult result : results) {
			xml.append("  <testcase classname=\"rules.").append(xml(packId)).append("\" name=\"").append(xml(result.displayName())).append("\"");
			if (result.passed()) {
				xml.append("/>\n");
			}
			else {
				xml.append(">\n    <failure message=\"").append(xml(result.failures().get(0).lines().findFirst().orElse(""))).append("\">")
					.append(xml(String.join("\n", result.failures()))).append("</failure>\n  </testcase>\n");
			}
		}
		xml.append("  <testcase classname=\"rules.").append(xml(packId)).append("\" name=\"every rule fires in at least one case\"");
		xml.append(neverFired.isEmpty() ? "/>\n" : ">\n    <failure message=\"rules no case fires\">" + xml(String.join("\n", neverFired))
				+ "</failure>\n  </testcase>\n");
		xml.append("</testsuite>\n");
		org.s11evaluator.files.AtomicFiles.writeString(folder.resolve("TEST-rules-" + packId + ".xml"), xml.toString());
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** Outside Spring, logback would print Drools' own chatter; officers need only this command's output. */
	private static void quietLogging() {
		if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.ERROR);
			context.getLogger("org.drools.compiler.kie.builder.impl.KieProject").setLevel(ch.qos.logback.classic.Level.OFF);
		}
	}

	/**
	 * The rules folder set in the home's {@code batch-config/rules.yml}, else {@code rules}, inside the application home
	 * (see {@link org.s11evaluator.home.ApplicationHome}); fails naming it when it is missing or holds no pack.
	 */
	static Path configuredDirectory() {
		org.s11evaluator.home.ApplicationHome home = org.s11evaluator.home.ApplicationHome.locate();
		return home.requireRulesFolder(Path.of(configured("s11.rules.directory", String.class).orElse("rules")));
	}

	/** A folder given with --rules: it must hold a pack, as the home's rules folder must. */
	private static Path requirePacksIn(Path folder) {
		return org.s11evaluator.home.ApplicationHome.requireRulePacks(folder, "given with --rules");
	}


}
