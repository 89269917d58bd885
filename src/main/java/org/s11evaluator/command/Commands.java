package org.s11evaluator.command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.cycle.IdFormat;
import org.s11evaluator.simulation.DraftSimulation;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.simulation.ResultSnapshot;
import org.s11evaluator.runs.RunReport;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.reporting.SimulationReport;
import org.s11evaluator.partnershiprating.PartnershipRatings;
import org.s11evaluator.reporting.CycleSummaries;
import org.s11evaluator.reporting.ConsoleReport;
import org.s11evaluator.reporting.CycleResults;
import org.s11evaluator.reporting.CycleResultsQuery;
import org.s11evaluator.reporting.JsonResultsExport;
import org.s11evaluator.submission.ImportReport;
import org.s11evaluator.submission.SubmissionImport;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Runs the command of a command line, read by {@link CommandLineReader} (as {@code S11Application.main} read it
 * before Spring started: a line that is not understood never reaches here from there).
 */
@Component
class Commands implements ApplicationRunner, ExitCodeGenerator {

	private final CycleManagement cycles;

	private final SubmissionImport submissions;

	private final EvaluationManagement evaluation;

	private final CycleResultsQuery results;

	private final ConsoleReport console;

	private final JsonResultsExport export;

	private final PartnershipRatings ratings;

	private final CycleSummaries summaries;

	private final Clock clock;

	private final DraftSimulation simulation;

	private final SimulationReport simulationReport;

	private final RunReports runReports;

	private final org.s11evaluator.runs.RunHeartbeats heartbeats;

	private final org.s11evaluator.schedule.ScheduleSettings schedule;

	/** Where demo's sample cycles are by default (the home's samples/, wherever the command started). */
	private final org.s11evaluator.home.ApplicationHome home;

	private final org.springframework.beans.factory.ObjectProvider<CycleRecordCommands> record;

	private final org.springframework.beans.factory.ObjectProvider<org.s11evaluator.workbook.WorkbookTemplates> templates;
	private final org.springframework.beans.factory.ObjectProvider<ChallengeCommands> challenge;

	private static PrintStream out() {
		return System.out;
	}

	private int exitCode;

	/** {@code --all}: evaluate every return in scope, not only the new and changed ones. */
	private boolean all;

	Commands(CycleManagement cycles, SubmissionImport submissions, EvaluationManagement evaluation, CycleResultsQuery results,
			ConsoleReport console, JsonResultsExport export, PartnershipRatings ratings, CycleSummaries summaries, Clock clock,
			DraftSimulation simulation, SimulationReport simulationReport, RunReports runReports,
			org.s11evaluator.schedule.ScheduleSettings schedule, org.s11evaluator.runs.RunHeartbeats heartbeats,
			org.s11evaluator.home.ApplicationHome home, org.springframework.beans.factory.ObjectProvider<CycleRecordCommands> record,
			org.springframework.beans.factory.ObjectProvider<org.s11evaluator.workbook.WorkbookTemplates> templates,
			org.springframework.beans.factory.ObjectProvider<ChallengeCommands> challenge) {
		this.templates = templates;
		this.challenge = challenge;
		this.home = home;
		this.record = record;
		this.heartbeats = heartbeats;
		this.schedule = schedule;
		this.runReports = runReports;
		this.simulation = simulation;
		this.simulationReport = simulationReport;
		this.ratings = ratings;
		this.summaries = summaries;
		this.clock = clock;
		this.cycles = cycles;
		this.submissions = submissions;
		this.evaluation = evaluation;
		this.results = results;
		this.console = console;
		this.export = export;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.exitCode = 0;
		if (CommandLineReader.withoutSpringProperties(args.getSourceArgs()).isEmpty()) {
			// started with no command (as by the tests; S11Application.main refuses it before Spring starts)
			return;
		}
		// nothing runs on a command line that is not understood: unknown options, stray words, bad values
		Reading reading = CommandLineReader.read(args.getSourceArgs());
		if (reading instanceof Reading.Answer answer) {
			this.exitCode = answer.print(out(), System.err);
			return;
		}
		Object options = ((Reading.Run) reading).invocation().options();
		try {
			if (options instanceof CommandOptions.Demo demo) {
				demo((demo.folder != null) ? Path.of(demo.folder) : this.home.shown(this.home.folder().resolve("samples")));
			}
			else if (options instanceof CommandOptions.OpenCycle open) {
				open.files.forEach((file) -> out().println("Opened cycle " + this.cycles.open(Path.of(file))));
			}
			else if (options instanceof CommandOptions.Template template) {
				template(template);
			}
			else if (options instanceof CommandOptions.Import returns) {
				Optional<String> cycle = cycle(returns.cycle);
				ImportReport report = importReturns(returns.paths.stream().map(Path::of).toList(), cycle);
				if (report.files().isEmpty()) {
					// a wrong folder must not look like a night with nothing to import
					out().println("No returns found: no .json or .xlsx file in " + String.join(", ", returns.paths) + ". Nothing was imported.");
					this.exitCode = 1;
				}
				else if (report.count(ImportReport.Outcome.REJECTED) > 0) {
					this.exitCode = 3;
				}
			}
			else if (options instanceof CommandOptions.Evaluate evaluate) {
				Optional<String> cycle = cycle(evaluate.cycle);
				this.all = evaluate.all;
				evaluate(Optional.ofNullable(evaluate.partnerships).map((p) -> "partnerships:" + p).or(() -> cycle));
			}
			else if (options instanceof CommandOptions.Results results) {
				Path written = showResults(cycle(results.cycle).orElseThrow(), false);
				out().println();
				out().println("Results with every explanation: " + written.toAbsolutePath());
			}
			else if (options instanceof CommandOptions.Summary summary) {
				String id = cycle(summary.cycle).orElseThrow();
				refuseClosed(id, "summarised again: its summary is its published edition, in output/" + id + "/editions/");
				LocalDate asOf = (summary.asOf != null) ? summary.asOf : LocalDate.now(this.clock);
				this.ratings.rate(id);
				CycleSummaries.Written written = this.summaries.summarise(id, asOf, true);
				out().println("Board summary of " + id + " (as of " + asOf + "): " + written.folder().resolve("summary.html").toAbsolutePath());
				out().println("  also summary.pdf, summary.json, register-of-returns.csv and improvement-plan.csv in that folder, named by summary.manifest.json");
			}
			else if (options instanceof CommandOptions.RulesSimulate simulate) {
				cycle(simulate.cycle);
				IdFormat.RULE_PACK.check(simulate.pack, "--pack");
				simulate(simulate.pack, simulate.draft, simulate.cycle);
			}
			else if (((Reading.Run) reading).invocation().rules().isPresent()) {
				// rules check|test|explain need no database (S11Application.main runs them without Spring)
				this.exitCode = RulesCommandLine.run(args.getSourceArgs(), out());
			}
			else if (options instanceof CommandOptions.Serve) {
				out().println("Serving: the nightly evaluation runs on the schedule in batch-config/schedule.yml ("
						+ this.schedule.cron() + ", English time, scope " + this.schedule.scope() + "). Stop with Ctrl-C or SIGTERM.");
			}
			else if (options instanceof CommandOptions.Worker) {
				out().println("Worker: evaluating the partnerships that evaluation runs send to the broker "
						+ "(s11.evaluation.remote in batch-config/evaluation.yml). Stop with Ctrl-C or SIGTERM.");
			}
			else if (options instanceof CommandOptions.Runs runs) {
				List<RunReport> recent = this.runReports.recent(runs.last);
				// a run that died leaves no report: say so first, or 'runs' would show only the run before it
				this.heartbeats.deadRun().ifPresent((dead) -> out().println("DEAD: " + dead.reason()));
				out().println(recent.isEmpty() ? "No evaluation runs yet." : "The last " + recent.size() + " evaluation run(s), newest first:");
				recent.forEach((run) -> out().println(run.describe()));
			}
			else if (ChallengeCommands.handles(options)) {
				this.exitCode = this.challenge.getObject().run(options, out());
			}
			else if (CycleRecordCommands.handles(options)) {
				this.exitCode = this.record.getObject().run(options, out());
			}
			else {
				throw new IllegalStateException("No way to run " + ((Reading.Run) reading).invocation().command());
			}
		}
		catch (RuntimeException ex) {
			out().println();
			out().println("FAILED: " + ex.getMessage());
			Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
			if (root != ex) {
				out().println("  cause: " + root.getMessage());
			}
			this.exitCode = 1;
		}
	}

	/** {@code template --pack=ID [--cycle=ID] [--agency=ID] [--out=FILE or folder]}. */
	private void template(CommandOptions.Template template) {
		Optional<String> cycle = cycle(template.cycle);
		Optional.ofNullable(template.pack).ifPresent((pack) -> IdFormat.RULE_PACK.check(pack, "--pack"));
		Optional.ofNullable(template.agency).ifPresent((agency) -> IdFormat.AGENCY.check(agency, "--agency"));
		Path out = (template.out != null) ? Path.of(template.out) : this.home.resolve(Path.of("output", "templates"));
		org.s11evaluator.workbook.WorkbookTemplates.Written written = this.templates.getObject()
			.write(Optional.ofNullable(template.pack), cycle, Optional.ofNullable(template.agency), out);
		out().println("Template of " + written.packId() + (written.cycleId() != null ? " for cycle " + written.cycleId() : "")
				+ (written.agencyId() != null ? ", agency " + written.agencyId() : "") + ": " + written.file().toAbsolutePath());
		written.carriedFrom().ifPresentOrElse((earlier) -> out().println("  carried forward from " + earlier + ": " + written.answersCarried()
				+ " answer(s) and " + written.actionsCarried() + " open action(s), marked as carried forward"),
				() -> {
					if (written.agencyId() != null) {
						out().println("  nothing carried forward: the agency has no return in an earlier cycle of the partnership");
					}
				});
	}

	/** A cycle id given with {@code --cycle}: ids name files (output/<cycle>/...), so a path in one is refused first. */
	private static Optional<String> cycle(String id) {
		Optional.ofNullable(id).ifPresent((given) -> IdFormat.CYCLE.check(given, "--cycle"));
		return Optional.ofNullable(id);
	}

	private void demo(Path folder) {
		List<Path> cycleFiles = cycleFiles(folder);
		out().println("S11 Evaluator demo: " + cycleFiles.size() + " audit cycles from " + folder.toAbsolutePath());
		List<String> cycleIds = new ArrayList<>();
		List<String> surveyed = new ArrayList<>();
		long rejected = 0;
		for (Path file : cycleFiles) {
			String id = this.cycles.open(file);
			cycleIds.add(id);
			rejected += importReturns(List.of(file.getParent().resolve("submissions")), Optional.of(id)).count(ImportReport.Outcome.REJECTED);
			// a staff survey's export beside the returns (samples/with-survey/cambridgeshire-and-peterborough-2017/survey.csv, by demo samples/with-survey)
			Path survey = file.getParent().resolve(ChallengeCommands.SAMPLE_SURVEY);
			if (Files.isRegularFile(survey) && this.challenge.getObject().importSurvey(id, survey, out()) == 0) {
				surveyed.add(id);
			}
		}
		evaluate(Optional.empty());
		surveyed.forEach((id) -> this.challenge.getObject().challengeDay(id, out()));
		List<Path> written = cycleIds.stream().map((id) -> showResults(id, true)).toList();
		out().println();
		out().println("Results with every explanation (rule, inputs, rule-pack version), one file per cycle:");
		written.forEach((file) -> out().println("  " + file.toAbsolutePath()));
		out().println();
		out().println("Board summaries: open these in a browser (a PDF, CSV exports and a JSON document sit beside each):");
		written.forEach((file) -> out().println("  " + file.getParent().resolve("summary.html").toAbsolutePath()));
		if (rejected > 0) {
			// the demo shows rejection (the samples hold 4 bad returns on purpose): it exits 0, where import would exit 3
			out().println();
			out().println(rejected + " return(s) rejected, with their reasons above: the demo shows them and exits 0 ('import' exits 3 for a rejected return).");
		}
	}

	/** {@code rules simulate --pack=ID --draft=DIR --cycle=ID}; the other rules commands need no database. */
	private void simulate(String pack, String draft, String cycle) {
		DraftSimulation.Result result = this.simulation.simulate(pack, Path.of(draft), cycle);
		out().printf("Simulated draft %s of %s (version %s) against the %d returns of %s. Nothing was written to the live results.%n",
				draft, pack, result.draftVersion().substring(0, 12), result.returns(), cycle);
		out().println(result.caseFailures().isEmpty() ? "The draft passes all its own cases."
				: result.caseFailures().size() + " of the draft's own cases fail (a run would not use it until they pass):");
		result.caseFailures().forEach((f) -> out().println("  - " + f));
		result.notEvaluated().forEach((n) -> out().println("  not evaluated by the draft: " + n));
		out().println(result.differences().size() + " difference(s) from the current results" + (result.differences().isEmpty() ? "." : ":"));
		String agency = null;
		for (ResultSnapshot.Difference d : result.differences()) {
			if (!d.agency().equals(agency)) {
				agency = d.agency();
				out().println("  " + agency);
			}
			out().println("    " + d.kind() + " " + d.change() + ", " + d.subject() + ": "
					+ ((d.before() == null) ? d.after() : (d.after() == null) ? d.before() : d.before() + "  ->  " + d.after()));
		}
		Path html = this.simulationReport.write(result);
		out().println("As HTML: " + html.toAbsolutePath());
	}

	private ImportReport importReturns(List<Path> paths, Optional<String> cycle) {
		ImportReport report = this.submissions.importPaths(paths, cycle);
		report.lines(paths.size() == 1 ? paths.get(0).toString() : paths.size() + " paths").forEach(out()::println);
		return report;
	}

	/** Evaluates a scope: a cycle, the open cycles of some partnerships ({@code partnerships:a,b}), or every open cycle. */
	private void evaluate(Optional<String> cycle) {
		if (cycle.isPresent() && org.s11evaluator.cycle.RunScope.problem(cycle.get()) != null) {
			throw new IllegalArgumentException((cycle.get().startsWith("partnerships:") ? "--partnerships " : "--cycle ")
					+ org.s11evaluator.cycle.RunScope.problem(cycle.get()));
		}
		cycle.filter((id) -> org.s11evaluator.cycle.RunScope.partnerships(id).isEmpty())
			.ifPresent((id) -> refuseClosed(id, "evaluated again: its results, ratings and summary are final"));
		if (cycle.isPresent() && this.cycles.inScope(cycle.get()).isEmpty()) {
			List<org.s11evaluator.cycle.Cycle> open = this.cycles.openCycles();
			boolean partnerships = cycle.get().startsWith("partnerships:");
			List<String> known = open.stream().map((c) -> partnerships ? c.partnershipId() : c.id()).distinct().toList();
			String given = partnerships ? cycle.get().substring("partnerships:".length()) : cycle.get();
			String closest = java.util.Arrays.stream(given.split(","))
				.map((word) -> org.s11evaluator.rules.DidYouMean.closest(word.strip(), known))
				.flatMap(Optional::stream)
				.findFirst()
				.map((match) -> " Did you mean " + (partnerships ? "--partnerships=" : "--cycle=") + match + "?")
				.orElse("");
			throw new IllegalArgumentException("No open audit cycle " + (partnerships ? "of the partnerships " + given : "'" + given + "'")
					+ "." + closest + " Open cycles: " + (open.isEmpty() ? "none"
							: String.join(", ", open.stream().map((c) -> c.id() + " (" + c.partnershipId() + ")").toList())));
		}
		JobExecution execution = cycle.map((id) -> this.evaluation.evaluateCycle(id, this.all))
			.orElseGet(() -> this.evaluation.evaluateOpenCycles(this.all));
		long written = RunReports.evaluated(execution);
		long skipped = RunReports.skipped(execution);
		out().printf("Evaluation run %d %s: %d submission(s) evaluated, %d could not be evaluated%n", execution.getId(),
				execution.getStatus(), written, skipped);
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			// one plain line per reason (RunReports.reasons): not Spring's wrappers of a lost connection
			RunReports.reasons(execution).forEach((reason) -> out().println("  " + reason));
			this.exitCode = 1;
		}
		else if (skipped > 0) {
			this.exitCode = Math.max(this.exitCode, 4);
		}
	}

	/** A closed cycle's record is final: say so, and how to reopen it. */
	private void refuseClosed(String cycleId, String notWhat) {
		this.cycles.closure(cycleId).filter(org.s11evaluator.cycle.CycleClosure::isClosed).ifPresent((closed) -> {
			throw new IllegalArgumentException("Cycle " + cycleId + " is closed (edition " + closed.latestEdition() + " published) and is not "
					+ notWhat + "; " + org.s11evaluator.cycle.CycleClosure.howToReopen(cycleId));
		});
	}

	private Path showResults(String cycleId, boolean reasonsShownAbove) {
		CycleResults cycle = this.results.load(cycleId);
		this.console.print(cycle, out(), reasonsShownAbove);
		return this.export.write(cycle);
	}

	private static List<Path> cycleFiles(Path folder) {
		try (Stream<Path> files = Files.walk(folder, 2)) {
			return files.filter((f) -> f.getFileName().toString().equals("cycle.yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + folder.toAbsolutePath(), ex);
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
