package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compiles a rule pack with Drools, once per pack content: the compiled pack is cached by its version, so
 * an edit to any file compiles anew on the next run and an unchanged pack in use is not compiled twice. The cache
 * is bounded ({@link #CACHED_PACKS}), so a long-lived {@code serve} does not keep every version it ever compiled.
 */
@Component
public class RulePackCompiler {

	private static final Logger log = LoggerFactory.getLogger(RulePackCompiler.class);

	private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");

	/**
	 * How many compiled packs are kept (by pack and version), the least recently used going first: a service that
	 * runs for months through many edits keeps the versions in use, not every version it ever compiled.
	 */
	public static final int CACHED_PACKS = 16;

	private final com.github.benmanes.caffeine.cache.Cache<String, CompiledPack> compiled = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.maximumSize(CACHED_PACKS)
		.build();

	private final RuleFileGuard guard = new RuleFileGuard();

	/** False only in the test that proves the compiled-form check refuses on its own what the parsed-form check refuses. */
	private final boolean judgeParsedForm;

	public RulePackCompiler() {
		this(true);
	}

	RulePackCompiler(boolean judgeParsedForm) {
		this.judgeParsedForm = judgeParsedForm;
	}

	/** The compiled pack for exactly this content; throws {@link RulePackException} with file and line. */
	public CompiledPack compile(RulePack pack) {
		return this.compiled.get(pack.id() + "@" + pack.version(), (key) -> build(pack));
	}

	private CompiledPack build(RulePack pack) {
		long started = System.nanoTime();
		List<RuleProblem> problems = new ArrayList<>();
		if (this.judgeParsedForm) {
			pack.ruleFiles().forEach((file) -> problems.addAll(this.guard.check(file)));
		}
		if (!problems.isEmpty()) {
			throw new RulePackException(pack.id(), problems);
		}
		KieServices kie = KieServices.Factory.get();
		ReleaseId releaseId = kie.newReleaseId("org.s11evaluator.packs", pack.id(), "1.0.0-" + pack.shortVersion());
		KieFileSystem files = kie.newKieFileSystem();
		files.generateAndWritePomXML(releaseId);
		Map<String, String> fileByPath = new java.util.HashMap<>();
		Map<String, String> contentByName = new java.util.HashMap<>();
		pack.ruleFiles().forEach((file) -> contentByName.put(file.name(), file.content()));
		for (RulePack.RuleFile file : pack.ruleFiles()) {
			String packageName = RuleFileGuard.packageName(file.content());
			if (packageName == null || packageName.isEmpty()) {
				problems.add(new RuleProblem(file.name(), 1, 1,
						"the file must start with a 'package' line, for example: package rules." + pack.id().replace("-", "") + ";"));
				continue;
			}
			if (file.baseline() != RulePack.BASELINE_PACKAGE.equals(packageName)) {
				problems.add(new RuleProblem(file.name(), 1, 1, file.baseline()
						? "a baseline rule file must start with: package " + RulePack.BASELINE_PACKAGE + ";"
						: "package " + RulePack.BASELINE_PACKAGE + " is kept for the baseline in common/: give this pack a package of its own"));
				continue;
			}
			String fileName = file.name().substring(file.name().lastIndexOf('/') + 1);
			String path = packageName.replace('.', '/') + "/" + fileName;
			fileByPath.put(path, file.name());
			files.write("src/main/resources/" + path, file.content());
		}
		if (!problems.isEmpty()) {
			throw new RulePackException(pack.id(), problems);
		}
		KieBuilder builder;
		try {
			builder = kie.newKieBuilder(files).buildAll();
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new RulePackException(pack.id(), List.of(new RuleProblem(pack.id(), 0, 0, "Drools could not compile the pack ("
					+ ex.getClass().getSimpleName() + (ex.getMessage() != null ? ": " + plain(ex.getMessage()) : "") + ")")));
		}
		for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
			String path = (message.getPath() != null) ? message.getPath().replaceFirst("^src/main/resources/", "") : "";
			String file = fileByPath.getOrDefault(path, path.isEmpty() ? pack.id() : path);
			boolean echo = message.getText() != null && message.getText().contains("Parser returned a null Package");
			if (!echo) {
				int line = Math.max(message.getLine(), 0);
				String text = plain(message.getText());
				String rule = ruleNameAt(contentByName.get(file), line);
				boolean named = rule == null || text.contains(rule); // Drools names the rule in some messages
				problems.add(new RuleProblem(file, line, Math.max(message.getColumn(), 0), named ? text : text + " (in rule \"" + rule + "\")"));
			}
		}
		if (!problems.isEmpty()) {
			throw new RulePackException(pack.id(), problems);
		}
		KieContainer container = kie.newKieContainer(releaseId);
		KieBase kieBase = container.getKieBase();
		kie.getRepository().removeKieModule(releaseId);
		problems.addAll(CompiledPackCheck.check(pack, kieBase));
		if (!problems.isEmpty()) {
			throw new RulePackException(pack.id(), problems);
		}
		applyBaseline(pack, kieBase);
		log.info("Compiled rule pack {} version {} ({} rule files) in {} ms", pack.id(), pack.shortVersion(),
				pack.ruleFiles().size(), (System.nanoTime() - started) / 1_000_000);
		return new CompiledPack(pack, kieBase);
	}

	/**
	 * A pack builds on the baseline: it switches a baseline rule off by listing its id under
	 * {@code baseline.disable} in {@code framework.yaml}, and replaces one by defining a rule with the same id.
	 */
	private static void applyBaseline(RulePack pack, KieBase kieBase) {
		Set<String> packIds = new HashSet<>();
		List<String> baselineRules = new ArrayList<>();
		for (KiePackage kiePackage : kieBase.getKiePackages()) {
			for (Rule rule : kiePackage.getRules()) {
				if (kiePackage.getName().equals(RulePack.BASELINE_PACKAGE)) {
					baselineRules.add(rule.getName());
				}
				else {
					packIds.add(ruleId(rule.getName()));
				}
			}
		}
		List<RuleProblem> problems = new ArrayList<>();
		Set<String> baselineIds = new HashSet<>(baselineRules.stream().map(RulePackCompiler::ruleId).toList());
		for (String disabled : pack.framework().baseline().disable()) {
			if (!baselineIds.contains(disabled)) {
				problems.add(new RuleProblem(pack.id() + "/" + RulePacks.FRAMEWORK_FILE, 0, 0, "baseline.disable names '" + disabled
						+ "', which is not a baseline rule (baseline rules: " + baselineIds.stream().sorted().toList() + ")"));
			}
		}
		if (!problems.isEmpty()) {
			throw new RulePackException(pack.id(), problems);
		}
		for (String rule : baselineRules) {
			String id = ruleId(rule);
			if (pack.framework().baseline().disable().contains(id) || packIds.contains(id)) {
				kieBase.removeRule(RulePack.BASELINE_PACKAGE, rule);
			}
		}
	}

	/** The stable id a rule's name starts with: "SUS-EVD-01 Standard 9 ..." is SUS-EVD-01. */
	public static String ruleId(String ruleName) {
		int space = ruleName.indexOf(' ');
		return (space > 0) ? ruleName.substring(0, space) : ruleName;
	}

	/** Names the rule a problem is in: the nearest rule declared at or above its line. */
	public static String ruleAt(String content, int line) {
		String rule = ruleNameAt(content, line);
		return (rule != null) ? " (in rule \"" + rule + "\")" : "";
	}

	/** The name of the nearest rule declared at or above the line, or null. */
	static String ruleNameAt(String content, int line) {
		if (content == null || line <= 0) {
			return null;
		}
		String rule = null;
		List<String> lines = content.lines().toList();
		for (int i = 0; i < Math.min(line, lines.size()); i++) {
			Matcher declaration = RULE_DECLARATION.matcher(lines.get(i));
			if (declaration.find()) {
				rule = declaration.group(1);
			}
		}
		return rule;
	}

	/**
	 * Drools messages span lines and repeat themselves; keep what says what is wrong, in one line. The most
	 * useful part of a constraint error is MVEL's "[Error: ...]" line, which names the field or method.
	 */
	static String plain(String text) {
		if (text == null) {
			return "the rule file could not be compiled";
		}
		List<String> lines = text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		if (lines.isEmpty()) {
			return text.strip();
		}
		String first = lines.get(0).replaceFirst("^\\[ERR \\d+\\] Line \\d+:\\d+ ", "").replaceFirst(":$", "");
		String message = lines.stream()
			.filter((line) -> line.startsWith("[Error: "))
			.findFirst()
			.map((detail) -> first + ": " + detail.substring(8, detail.length() - (detail.endsWith("]") ? 1 : 0))
				.replace("org.s11evaluator.rules.facts.", ""))
			.orElse(first);
		return message;
	}

	/** A rule pack ready to evaluate submissions. */
	public record CompiledPack(RulePack pack, KieBase kieBase) {
	}

}
