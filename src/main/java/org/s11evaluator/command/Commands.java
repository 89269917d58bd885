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
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.cycle.IdFormat;
import org.s11evaluator.evaluation.DraftSimulation;
import org.s11evaluator.evaluation.EvaluationManagement;
import org.s11evaluator.evaluation.ResultSnapshot;
import org.s11evaluator.evaluation.RunReport;
import org.s11evaluator.benchmark.Benchmark;
import org.s11evaluator.evaluation.RunReports;
import org.s11evaluator.reporting.SimulationReport;
import org.s11evaluator.evaluation.PartnershipRatings;
import org.s11evaluator.reporting.CycleSummaries;
import org.s11evaluator.reporting.ConsoleReport;
import org.s11evaluator.reporting.CycleResults;
import org.s11evaluator.reporting.CycleResultsQuery;
import org.s11evaluator.reporting.JsonResultsExport;
import org.s11evaluator.submission.ImportProblem;
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
 * The command line. The first argument names the command; see {@link #USAGE}.
 */
@Component
class Commands implements ApplicationRunner, ExitCodeGenerator {

	static final String USAGE = """
			Usage: s11-evaluator <command> [options]
			  demo [folder]                  open the sample cycles in folder (default: samples), import their returns,
			                                 evaluate them, print the results and write them to the output folder
			  open-cycle <cycle.yaml>...     open (or update) audit cycles
			  import [--cycle=ID] <path>...  import returns from JSON files or folders of them
			  evaluate [--cycle=ID | --partnerships=ID,ID] [--all]
			                                 run the evaluation job for one cycle, or the open cycles of some
			                                 partnerships (default: every open cycle): returns that are new or
			                                 changed, or whose rule pack changed (--all: every one)
			  results --cycle=ID             print a cycle's results and write them as JSON
			  rules check|test [pack]        check and test rule packs (no database needed)
			  rules simulate --pack=ID --draft=DIR --cycle=ID
			                                 what a draft pack would change in a cycle's results (writes nothing)
			  serve                          run as a service: the nightly evaluation on the cron in batch-config/schedule.yml
			  worker                         evaluate partnerships that runs on other machines send through the message
			                                 broker (remote partitioning, batch-config/evaluation.yml); stays up until stopped
			  runs [--last=N]                the recent evaluation runs and what each did (default: the last 10)
			  summary --cycle=ID [--as-of=YYYY-MM-DD]
			                                 write the cycle's board summary now (HTML, PDF, CSV, JSON), with
			                                 action status as of the given date (default: today)
			  benchmark [--partnerships=150] [--agencies=150] [--seed=2026] [--reset]
			                                 generate national-scale synthetic returns in the configured (empty)
			                                 database, run the nightly job on them and print how fast it was
			                                 against the database's own floor (--reset empties the database first)
			""" + CycleRecordCommands.USAGE;

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

	private final org.s11evaluator.evaluation.RunHeartbeats heartbeats;

	private final org.s11evaluator.schedule.ScheduleSettings schedule;

	private final org.springframework.beans.factory.ObjectProvider<Benchmark> benchmark;

	private final org.springframework.beans.factory.ObjectProvider<CycleRecordCommands> record;

	private static PrintStream out() {
		return System.out;
	}

	private int exitCode;

	/** {@code --all}: evaluate every return in scope, not only the new and changed ones. */
	private boolean all;

	Commands(CycleManagement cycles, SubmissionImport submissions, EvaluationManagement evaluation, CycleResultsQuery results,
			ConsoleReport console, JsonResultsExport export, PartnershipRatings ratings, CycleSummaries summaries, Clock clock,
			DraftSimulation simulation, SimulationReport simulationReport, RunReports runReports,
			org.s11evaluator.schedule.ScheduleSettings schedule, org.springframework.beans.factory.ObjectProvider<Benchmark> benchmark,
			org.s11evaluator.evaluation.RunHeartbeats heartbeats, org.springframework.beans.factory.ObjectProvider<CycleRecordCommands> record) {
		this.record = record;
		this.heartbeats = heartbeats;
		this.schedule = schedule;
		this.benchmark = benchmark;
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
		List<String> words = args.getNonOptionArgs();
		this.exitCode = 0;
		this.all = args.containsOption("all");
		if (words.isEmpty() && !List.of(args.getSourceArgs()).contains("--help") && !List.of(args.getSourceArgs()).contains("-h")) {
			// started with no command (as by the tests; S11Application.main refuses it before Spring starts)
			return;
		}
		List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
		Optional<String> cycle = Optional.ofNullable(args.getOptionValues("cycle")).flatMap((v) -> v.stream().findFirst());
		try {
			// ids name files (output/<cycle>/...): a path in one is refused here, before anything is read or written
			cycle.ifPresent((id) -> IdFormat.CYCLE.check(id, "--cycle"));
			Optional.ofNullable(option(args, "pack")).ifPresent((id) -> IdFormat.RULE_PACK.check(id, "--pack"));
			// nothing runs on a command line that is not understood: unknown options, stray words, bad values
			CommandLine.Reading reading = CommandLine.read(args.getSourceArgs());
			if (reading instanceof CommandLine.Reading.Help help) {
				out().print(help.text());
				return;
			}
			if (reading instanceof CommandLine.Reading.Refused refused) {
				out().println(refused.message());
				this.exitCode = CommandLine.USAGE_ERROR;
				return;
			}
			switch (words.get(0)) {
				case "demo" -> demo(Path.of(rest.isEmpty() ? "samples" : rest.get(0)));
				case "open-cycle" -> rest.forEach((file) -> out().println("Opened cycle " + this.cycles.open(Path.of(file))));
				case "import" -> {
					if (importReturns(rest.stream().map(Path::of).toList(), cycle).count(ImportReport.Outcome.REJECTED) > 0) {
						this.exitCode = 3;
					}
				}
				case "evaluate" -> evaluate(Optional.ofNullable(option(args, "partnerships")).map((p) -> "partnerships:" + p).or(() -> cycle));
				case "results" -> {
					Path written = showResults(cycle.orElseThrow(() -> new IllegalArgumentException("results needs --cycle=ID")));
					out().println();
					out().println("Results with every explanation: " + written.toAbsolutePath());
				}
				case "summary" -> {
					String id = cycle.orElseThrow(() -> new IllegalArgumentException("summary needs --cycle=ID"));
					refuseClosed(id, "summarised again: its summary is its published edition, in output/" + id + "/editions/");
					LocalDate asOf = Optional.ofNullable(args.getOptionValues("as-of")).flatMap((v) -> v.stream().findFirst())
						.map(LocalDate::parse).orElse(LocalDate.now(this.clock));
					this.ratings.rate(id);
					CycleSummaries.Written written = this.summaries.summarise(id, asOf, true);
					out().println("Board summary of " + id + " (as of " + asOf + "): " + written.folder().resolve("summary.html").toAbsolutePath());
					out().println("  also summary.pdf, summary.json, register-of-returns.csv and improvement-plan.csv in that folder, named by summary.manifest.json");
				}
				case "rules" -> simulate(rest, args);
				case "serve" -> out().println("Serving: the nightly evaluation runs on the schedule in batch-config/schedule.yml ("
						+ this.schedule.cron() + ", English time, scope " + this.schedule.scope() + "). Stop with Ctrl-C or SIGTERM.");
				case "worker" -> out().println("Worker: evaluating the partnerships that evaluation runs send to the broker "
						+ "(s11.evaluation.remote in batch-config/evaluation.yml). Stop with Ctrl-C or SIGTERM.");
				case "runs" -> {
					int last = Optional.ofNullable(option(args, "last")).map(Integer::parseInt).orElse(10);
					List<RunReport> runs = this.runReports.recent(last);
					// a run that died leaves no report: say so first, or 'runs' would show only the run before it
					this.heartbeats.deadRun().ifPresent((dead) -> out().println("DEAD: " + dead.reason()));
					out().println(runs.isEmpty() ? "No evaluation runs yet." : "The last " + runs.size() + " evaluation run(s), newest first:");
					runs.forEach((run) -> out().println(run.describe()));
				}
				case "benchmark" -> this.benchmark.getObject().run(new Benchmark.Options(
						Integer.parseInt(Objects.requireNonNullElse(option(args, "partnerships"), "150")),
						Integer.parseInt(Objects.requireNonNullElse(option(args, "agencies"), "150")),
						Long.parseLong(Objects.requireNonNullElse(option(args, "seed"), "2026")), args.containsOption("reset")), out());
				case "help" -> out().print(USAGE);
				case "close-cycle", "reopen-cycle", "verify-edition", "history" -> this.exitCode = this.record.getObject().run(words.get(0), args, out());
				default -> {
					out().println("Unknown command '" + words.get(0) + "'.");
					out().print(USAGE);
					this.exitCode = 2;
				}
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

	private void demo(Path folder) {
		List<Path> cycleFiles = cycleFiles(folder);
		out().println("S11 Evaluator demo: " + cycleFiles.size() + " audit cycles from " + folder.toAbsolutePath());
		List<String> cycleIds = new ArrayList<>();
		for (Path file : cycleFiles) {
			String id = this.cycles.open(file);
			cycleIds.add(id);
			importReturns(List.of(file.getParent().resolve("submissions")), Optional.of(id));
		}
		evaluate(Optional.empty());
		List<Path> written = cycleIds.stream().map(this::showResults).toList();
		out().println();
		out().println("Results with every explanation (rule, inputs, rule-pack version), one file per cycle:");
		written.forEach((file) -> out().println("  " + file.toAbsolutePath()));
		out().println();
		out().println("Board summaries: open these in a browser (a PDF, CSV exports and a JSON document sit beside each):");
		written.forEach((file) -> out().println("  " + file.getParent().resolve("summary.html").toAbsolutePath()));
	}

	/** {@code rules simulate --pack=ID --draft=DIR --cycle=ID}; the other rules commands need no database. */
	private void simulate(List<String> rest, ApplicationArguments args) {
		String pack = option(args, "pack");
		String draft = option(args, "draft");
		String cycle = option(args, "cycle");
		if (rest.isEmpty() || !rest.get(0).equals("simulate") || pack == null || draft == null || cycle == null) {
			out().print(org.s11evaluator.rules.RulesCommand.USAGE);
			this.exitCode = 2;
			return;
		}
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

	private static String option(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private ImportReport importReturns(List<Path> paths, Optional<String> cycle) {
		ImportReport report = this.submissions.importPaths(paths, cycle);
		out().printf("Imported %s: %d new, %d replaced, %d unchanged, %d older (not applied), %d rejected%n",
				paths.size() == 1 ? paths.get(0) : paths.size() + " paths", report.count(ImportReport.Outcome.IMPORTED),
				report.count(ImportReport.Outcome.REPLACED), report.count(ImportReport.Outcome.UNCHANGED),
				report.count(ImportReport.Outcome.OLDER), report.count(ImportReport.Outcome.REJECTED));
		for (ImportReport.FileResult file : report.files()) {
			if (file.outcome() == ImportReport.Outcome.REJECTED) {
				out().println("  REJECTED " + file.source() + ":");
				file.problems().stream().map(ImportProblem::toString).forEach((p) -> out().println("    - " + p));
			}
			else if (file.outcome() == ImportReport.Outcome.OLDER) {
				out().println("  " + file.source() + ": " + file.outcome().description());
			}
		}
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
			throw new IllegalArgumentException("No open audit cycle in " + org.s11evaluator.cycle.RunScope.describe(cycle.get())
					+ ". Open cycles: " + this.cycles.openCycles().stream().map((c) -> c.id() + " (" + c.partnershipId() + ")").toList());
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

	private Path showResults(String cycleId) {
		CycleResults cycle = this.results.load(cycleId);
		this.console.print(cycle, out());
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
