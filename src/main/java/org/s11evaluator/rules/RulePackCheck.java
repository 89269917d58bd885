package org.s11evaluator.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.yaml.LimitedYaml;

/**
 * Everything wrong with a pack that can be found without running it: the framework, the rule files (syntax,
 * names, forbidden code), ids the rules name that the framework does not have, and unreadable case files.
 */
public class RulePackCheck {

	private final RulePacks packs;

	private final RulePackCompiler compiler;

	private final ObjectMapper yaml = LimitedYaml.reader()
		.addHandler(new UnknownFieldAtItsLine());

	public RulePackCheck(RulePacks packs, RulePackCompiler compiler) {
		this.packs = packs;
		this.compiler = compiler;
	}

	/** The result of checking one pack: its version and rule count when it compiles, and every problem. */
	public record Checked(String packId, String version, int rules, List<RuleProblem> problems) {

		public boolean ok() {
			return this.problems.isEmpty();
		}

	}

	public Checked check(String packId) {
		List<RuleProblem> problems = new ArrayList<>();
		RulePack pack;
		try {
			pack = this.packs.load(packId);
		}
		catch (RulePackException ex) {
			return new Checked(packId, null, 0, ex.problems());
		}
		int rules = 0;
		try {
			rules = this.compiler.compile(pack).kieBase().getKiePackages().stream().mapToInt((p) -> p.getRules().size()).sum();
		}
		catch (RulePackException ex) {
			problems.addAll(ex.problems());
		}
		problems.addAll(contentProblems(pack));
		problems.addAll(caseFileProblems(pack));
		return new Checked(packId, pack.version(), rules, problems);
	}

	/** What compiling cannot see: ids the rules name that the framework lacks, and policy values they read. */
	static List<RuleProblem> contentProblems(RulePack pack) {
		List<RuleProblem> problems = new ArrayList<>(new RuleReferenceCheck().check(pack));
		problems.addAll(new PolicyValueCheck().check(pack));
		problems.addAll(new PolicyListCheck().check(pack));
		return problems;
	}

	private List<RuleProblem> caseFileProblems(RulePack pack) {
		List<RuleProblem> problems = new ArrayList<>();
		CaseFileCheck names = new CaseFileCheck(pack, PackVocabulary.of(pack));
		try (Stream<Path> files = Files.list(this.packs.folder(pack.id()))) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".cases.yaml")).sorted().toList()) {
				String name = pack.id() + "/" + file.getFileName();
				String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
				try {
					this.yaml.readValue(text, RuleCase.File.class);
				}
				catch (JsonProcessingException | UnknownFieldAtItsLine.UnknownField ex) {
					problems.add(YamlProblems.of(name, text, ex));
					continue;
				}
				problems.addAll(names.check(name, text));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return problems;
	}

}
