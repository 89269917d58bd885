package org.s11evaluator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.command.RulesCommandLine;
import org.s11evaluator.support.Folders;

/**
 * The attack corpus: one rule file per known way out of the fact model (src/test/resources/rule-attacks).
 * Each attack is dropped into a copy of the Pan-Sussex pack, with {@code MARKER} replaced by a file the attack
 * would create if it ever ran. Each must be refused by {@code rules check} at a line of the attack's own file,
 * must make {@code rules test} fail without running it, and must be refused by the compiled-form check alone
 * (the parsed-form check switched off), so that a gap in one layer is caught by the other. The marker must
 * never appear. A new escape found later is added here first, as a file.
 */
class RuleSandboxAttackTests {

	private static final Path CORPUS = Path.of("src/test/resources/rule-attacks");

	private static final Pattern REPLACES = Pattern.compile("(?m)^// replaces: (\\S+)");

	@TempDir
	Path temp;

	@TestFactory
	Stream<DynamicTest> rulesCheckRefusesEachAttackAtItsLineAndNeverRunsIt() {
		return attacks().map((attack) -> DynamicTest.dynamicTest(name(attack), () -> {
			Installed installed = install(attack);

			Result check = run("rules", "check", "pan-sussex", "--rules=" + installed.rules());

			assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
			assertThat(check.output()).as("refused at a line of the attack's file")
				.containsPattern("pan-sussex/" + Pattern.quote(installed.fileName()) + ":[1-9]\\d*:\\d+: ");
			assertThat(installed.marker()).doesNotExist();
		}));
	}

	@TestFactory
	Stream<DynamicTest> rulesTestRefusesEachAttackBeforeRunningAnyCase() {
		return attacks().map((attack) -> DynamicTest.dynamicTest(name(attack), () -> {
			Installed installed = install(attack);

			Result test = run("rules", "test", "pan-sussex", "--rules=" + installed.rules());

			assertThat(test.exitCode()).as(test.output()).isEqualTo(1);
			assertThat(test.output()).contains("FAIL pan-sussex: the pack has problems").doesNotContain("cases pass");
			assertThat(installed.marker()).doesNotExist();
		}));
	}

	@TestFactory
	Stream<DynamicTest> theCompiledFormCheckAloneRefusesEachAttackThatCompiles() {
		assertThat(attacks().filter(RuleSandboxAttackTests::parsedFormOnly).map(RuleSandboxAttackTests::name))
			.containsExactlyInAnyOrder("cast-in-consequence", "dialect-java-attribute", "policy-annotation-expression",
					"policy-annotation-escaped-quotes", "pattern-annotation-unchecked", "deeply-nested-condition", "rule-name-with-code");
		return attacks().filter((attack) -> !parsedFormOnly(attack)).map((attack) -> DynamicTest.dynamicTest(name(attack), () -> {
			Installed installed = install(attack);
			RulePack pack = new RulePacks(new RulesSettings(installed.rules(), 10_000)).load("pan-sussex");
			RulePackCompiler compiledFormOnly = new RulePackCompiler(false);

			Throwable refused = catchThrowable(() -> compiledFormOnly.compile(pack));

			assertThat(refused).as("the pack must not compile into something that runs").isInstanceOf(RulePackException.class);
			assertThat(installed.marker()).doesNotExist();
		}));
	}

	@TestFactory
	Stream<DynamicTest> theCompiledFormCheckNamesWhatTheConsequenceWouldCall() {
		// Java code that Drools compiles happily: only the bytecode check stands between it and the JVM.
		return Stream.of("java.lang.Runtime.getRuntime().exec(\"touch MARKER\");", "System.getenv();",
				"new java.io.File(\"MARKER\").createNewFile();", "$r.getClass().getClassLoader();", "Thread.sleep(1);",
				"insert(new Finding(\"X\", \"x\".repeat(10), \"1\", \"x\"));").map((code) -> DynamicTest.dynamicTest(code, () -> {
					Path marker = this.temp.resolve("marker-" + Integer.toHexString(code.hashCode()));
					Path rules = this.temp.resolve("rules-" + Integer.toHexString(code.hashCode()));
					Folders.copy(Path.of("rules"), rules);
					Files.writeString(rules.resolve("pan-sussex/attack.drl"), """
							package rules.pansussex;
							import org.s11evaluator.rules.facts.*;
							rule "ATK compiled"
							when
							    $r : ItemResponse()
							then
							    %s
							end
							""".formatted(code.replace("MARKER", marker.toString())));
					RulePack pack = new RulePacks(new RulesSettings(rules, 10_000)).load("pan-sussex");

					assertThatExceptionOfType(RulePackException.class).isThrownBy(() -> new RulePackCompiler(false).compile(pack))
						.satisfies((ex) -> assertThat(ex.problems()).anySatisfy((problem) -> assertThat(problem.message())
							.contains("the compiled rule code").contains("which a rule may not do").contains("ATK compiled")));
					assertThat(marker).doesNotExist();
				}));
	}

	private static Stream<Path> attacks() {
		try (Stream<Path> files = Files.list(CORPUS)) {
			List<Path> attacks = files.filter((f) -> f.toString().endsWith(".drl")).sorted().toList();
			assertThat(attacks).hasSizeGreaterThan(60);
			return attacks.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Attacks only the parsed-form check can refuse, each saying why in its first line. */
	private static boolean parsedFormOnly(Path attack) {
		try {
			return Files.readString(attack).startsWith("// layers: parsed form only");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(Path attack) {
		return attack.getFileName().toString().replaceFirst("\\.drl$", "");
	}

	/** A copy of the packs with the attack in Pan-Sussex, and the file the attack would create. */
	private record Installed(Path rules, String fileName, Path marker) {
	}

	private Installed install(Path attack) throws IOException {
		String name = name(attack);
		Path rules = this.temp.resolve("rules-" + name);
		Folders.copy(Path.of("rules"), rules);
		Path marker = this.temp.resolve("marker-" + name);
		String text = Files.readString(attack);
		Matcher replaces = REPLACES.matcher(text);
		String fileName = replaces.find() ? replaces.group(1) : "attack.drl";
		Files.writeString(rules.resolve("pan-sussex").resolve(fileName), text.replace("MARKER", marker.toString()));
		return new Installed(rules, fileName, marker);
	}

	private record Result(int exitCode, String output) {
	}

	private static Result run(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit = RulesCommandLine.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
	}

}
