package org.s11evaluator.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.RatingTally;
import org.s11evaluator.rules.facts.Submission;
import org.s11evaluator.yaml.LimitedYaml;
import org.springframework.stereotype.Component;

/**
 * Runs the cases that sit beside a pack's rule files ({@code evidence.drl} + {@code evidence.cases.yaml}).
 * Each case evaluates its fragment of a return with the whole pack, as a real run would.
 */
@Component
public class RuleCases {

	static final LocalDate DEFAULT_SUBMITTED_ON = LocalDate.of(2025, 3, 1);

	private final ObjectMapper yaml = LimitedYaml.reader()
		.addHandler(new UnknownFieldAtItsLine());

	private final RulePacks packs;

	private final RulePackCompiler compiler;

	private final RuleEngine engine;

	public RuleCases(RulePacks packs, RulePackCompiler compiler, RuleEngine engine) {
		this.packs = packs;
		this.compiler = compiler;
		this.engine = engine;
	}

	/** Runs every case of the pack; a case file that cannot be read fails as one case naming file and line. */
	public List<RuleCaseResult> run(String packId) {
		return run(this.packs.load(packId), this.packs.folder(packId));
	}

	/** Runs the cases in {@code folder} against {@code pack}, e.g. a draft's own cases against the draft. */
	public List<RuleCaseResult> run(RulePack pack, Path folder) {
		RulePackCompiler.CompiledPack compiled = this.compiler.compile(pack);
		List<RuleCaseResult> results = new ArrayList<>();
		// once the pack has gone past a budget, its other cases are not run: each would wait out the budget too
		RuleBudgetExceededException breach = null;
		for (Path file : caseFiles(folder)) {
			String name = folder.toAbsolutePath().normalize().getFileName() + "/" + file.getFileName();
			RuleCase.File cases;
			String text;
			try {
				text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			try {
				cases = this.yaml.readValue(text, RuleCase.File.class);
			}
			catch (JsonProcessingException | UnknownFieldAtItsLine.UnknownField ex) {
				results.add(new RuleCaseResult(name, "(file cannot be read)", List.of(YamlProblems.of(name, text, ex).toString()), Set.of()));
				continue;
			}
			for (RuleCase ruleCase : cases.cases()) {
				results.add((breach == null) ? run(name, compiled, withDefaults(ruleCase, cases.defaults()))
						: new RuleCaseResult(name, ruleCase.name(), List.of("not run: " + breach.getMessage()), Set.of(), breach));
				breach = (breach != null) ? breach : results.get(results.size() - 1).budgetExceeded();
			}
		}
		return results;
	}

	/** Every rule of the pack, by name, so a report can show those no case ever fires. */
	public Set<String> ruleNames(String packId) {
		RulePackCompiler.CompiledPack compiled = this.compiler.compile(this.packs.load(packId));
		return compiled.kieBase().getKiePackages().stream()
			.flatMap((p) -> p.getRules().stream())
			.map(org.kie.api.definition.rule.Rule::getName)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	private RuleCaseResult run(String file, RulePackCompiler.CompiledPack compiled, RuleCase ruleCase) {
		if (!ruleCase.given().tallies().isEmpty()) {
			return runPartnership(file, compiled, ruleCase);
		}
		Framework framework = compiled.pack().framework();
		Map<String, Framework.Standard> standards = framework.standardByItemId();
		List<String> failures = new ArrayList<>();
		List<ItemResponse> responses = new ArrayList<>();
		for (RuleCase.Response r : ruleCase.given().responses()) {
			Framework.Standard standard = standards.get(r.item());
			if (standard == null) {
				failures.add("given: item \"" + r.item() + "\" is not in the " + compiled.pack().id() + " framework");
				continue;
			}
			if (framework.scale().level(r.rating()).isEmpty()) {
				failures.add("given: rating \"" + r.rating() + "\" of item " + r.item() + " is not in the " + compiled.pack().id()
						+ " scale " + framework.scale().codes() + " (an import would reject it)");
				continue;
			}
			responses.add(new ItemResponse(r.item(), standard.id(), r.rating(), r.statement(), r.evidence(), r.links(),
					r.naReason(), r.lastReviewed()));
		}
		List<AgencyAction> actions = new ArrayList<>();
		for (int i = 0; i < ruleCase.given().actions().size(); i++) {
			RuleCase.Action a = ruleCase.given().actions().get(i);
			String standard = (a.item() != null && standards.containsKey(a.item())) ? standards.get(a.item()).id() : a.standard();
			actions.add(new AgencyAction(i + 1, a.item(), standard, a.action(), a.lead(), a.due(), a.progress(), a.completed()));
		}
		List<org.s11evaluator.rules.facts.SurveyAnswer> survey = survey(ruleCase, standards, failures);
		if (!failures.isEmpty()) {
			return new RuleCaseResult(file, ruleCase.name(), failures, Set.of());
		}
		Submission submission = new Submission(compiled.pack().id(), "rule-case", "case-agency", "Case Agency",
				Objects.requireNonNullElse(ruleCase.given().completedBy(), "Casey Officer"), ruleCase.given().role(),
				ruleCase.given().submittedOn());
		EvaluationOutcome outcome;
		try {
			outcome = this.engine.evaluate(compiled, new SubmissionFacts(submission, responses, actions, survey));
		}
		catch (RuleBudgetExceededException ex) {
			return new RuleCaseResult(file, ruleCase.name(), List.of("the rules failed: " + ex.getMessage()), Set.of(), ex);
		}
		catch (RuntimeException ex) {
			return new RuleCaseResult(file, ruleCase.name(), List.of("the rules failed: " + ex.getMessage()), Set.of());
		}
		return judge(file, ruleCase, outcome, failures);
	}

	/** The survey counts a case gives, each on an item of the framework. */
	private static List<org.s11evaluator.rules.facts.SurveyAnswer> survey(RuleCase ruleCase, Map<String, Framework.Standard> standards,
			List<String> failures) {
		List<org.s11evaluator.rules.facts.SurveyAnswer> answers = new ArrayList<>();
		for (RuleCase.Survey s : ruleCase.given().survey()) {
			if (!standards.containsKey(s.item())) {
				failures.add("given: survey question \"" + s.question() + "\" is on item \"" + s.item() + "\", which is not in the framework");
				continue;
			}
			answers.add(new org.s11evaluator.rules.facts.SurveyAnswer(s.question(), s.item(), Objects.requireNonNullElse(s.text(), s.question()),
					s.respondents(), s.agreeing(), s.disagreeing()));
		}
		return answers;
	}

	private RuleCaseResult runPartnership(String file, RulePackCompiler.CompiledPack compiled, RuleCase ruleCase) {
		Map<String, Framework.Standard> standards = compiled.pack().framework().standardByItemId();
		List<String> failures = new ArrayList<>();
		List<RatingTally> tallies = new ArrayList<>();
		for (RuleCase.Tally t : ruleCase.given().tallies()) {
			String standard = (t.item() != null && standards.containsKey(t.item())) ? standards.get(t.item()).id() : t.standard();
			if (standard == null || (t.item() != null && !standards.containsKey(t.item()))
					|| compiled.pack().framework().standard(standard).isEmpty()) {
				failures.add("given: tally for item \"" + t.item() + "\" / standard \"" + t.standard() + "\" is not in the "
						+ compiled.pack().id() + " framework");
				continue;
			}
			tallies.add(new RatingTally(standard, t.item(), t.green(), t.amber(), t.red(), t.notApplicable(), t.notAnswered()));
		}
		if (!failures.isEmpty()) {
			return new RuleCaseResult(file, ruleCase.name(), failures, Set.of());
		}
		EvaluationOutcome outcome;
		try {
			outcome = this.engine.ratePartnership(compiled, tallies);
		}
		catch (RuleBudgetExceededException ex) {
			return new RuleCaseResult(file, ruleCase.name(), List.of("the rules failed: " + ex.getMessage()), Set.of(), ex);
		}
		catch (RuntimeException ex) {
			return new RuleCaseResult(file, ruleCase.name(), List.of("the rules failed: " + ex.getMessage()), Set.of());
		}
		return judge(file, ruleCase, outcome, failures);
	}

	/** Compares what the rules concluded with the case's expectations; records which rules fired. */
	private static RuleCaseResult judge(String file, RuleCase ruleCase, EvaluationOutcome outcome, List<String> failures) {
		RuleCaseMatcher matcher = new RuleCaseMatcher(outcome);
		failures.addAll(matcher.missing(ruleCase.expect()));
		failures.addAll(matcher.unwanted(ruleCase.absent()));
		Set<String> fired = outcome.outcomes().stream().map(Derived::rule).collect(Collectors.toCollection(LinkedHashSet::new));
		return new RuleCaseResult(file, ruleCase.name(), failures, fired);
	}

	private static RuleCase withDefaults(RuleCase ruleCase, RuleCase.Given defaults) {
		RuleCase.Given given = ruleCase.given();
		LocalDate submittedOn = (given.submittedOn() != null) ? given.submittedOn()
				: (defaults != null && defaults.submittedOn() != null) ? defaults.submittedOn() : DEFAULT_SUBMITTED_ON;
		List<RuleCase.Response> responses = new ArrayList<>((defaults != null) ? defaults.responses() : List.of());
		Set<String> answered = given.responses().stream().map(RuleCase.Response::item).collect(Collectors.toSet());
		responses.removeIf((r) -> answered.contains(r.item()));
		responses.addAll(given.responses());
		return new RuleCase(ruleCase.name(), new RuleCase.Given(submittedOn, given.completedBy(), given.role(), responses,
				given.actions(), given.tallies(), given.survey()), ruleCase.expect(), ruleCase.absent());
	}

	private static List<Path> caseFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((f) -> f.getFileName().toString().endsWith(".cases.yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}


}
