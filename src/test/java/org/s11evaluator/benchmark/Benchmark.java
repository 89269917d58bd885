package org.s11evaluator.benchmark;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.evaluation.EvaluationSettings;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.reporting.SummaryFigures;
import org.s11evaluator.rules.PublishedPacks;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.submission.StoredSubmissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures the evaluator on national-scale synthetic data ({@link NationalData}) in the configured database,
 * and prints the figures: not a test, so nothing here passes or fails on time.
 * <ol>
 * <li>the full nightly run on new data: evaluation (read, evaluate, write), partnership ratings, summaries;</li>
 * <li>a second run with nothing changed, and a third after one return is corrected;</li>
 * <li>the rules alone, in memory, on the same threads;</li>
 * <li>the floors the database sets, on the same threads, with plain JDBC, no rules and no framework: the read floor
 * (every return's stored document read, one query a chunk: what no design can avoid), the read-and-write floor
 * (that read, plus the project's own result rows written in JDBC batches, one transaction a chunk), and that floor
 * with the returns' own evaluation state updated in each chunk too, as the evaluator does since V38 (the one the
 * ratio is taken against; the one before is printed beside it);</li>
 * <li>the first night's split: evaluation, partnership ratings, summaries (model, HTML, PDF), and the rest;</li>
 * <li>peak heap during the full run, and what the heap still holds after it (after a full collection): with
 * the returns streamed a page at a time, neither grows with their number (run it with a small -Xmx to see);</li>
 * <li>if asked ({@code --second-night}), the same first night once more in this JVM, by now compiled by the JIT: every
 * table emptied, the same data generated again, the whole night run and split as the first (what a long-lived
 * {@code serve} saves from its second night on).</li>
 * </ol>
 */
@Component
public class Benchmark {

	private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

	private static final int RULES_ONLY_SAMPLE = 3000;

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final RulePacks packs;

	private final PublishedPacks publishedPacks;

	private final RuleEngine engine;

	private final StoredSubmissions submissions;

	private final EvaluationManagement evaluation;

	private final EvaluationSettings settings;

	Benchmark(JdbcTemplate jdbc, DataSource dataSource, RulePacks packs, PublishedPacks publishedPacks, RuleEngine engine,
			StoredSubmissions submissions, EvaluationManagement evaluation, EvaluationSettings settings) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.packs = packs;
		this.publishedPacks = publishedPacks;
		this.engine = engine;
		this.submissions = submissions;
		this.evaluation = evaluation;
		this.settings = settings;
	}

	/**
	 * What to generate, and whether the database may be emptied first.
	 * @param emptyDatabase the name of the configured database, given to empty it first ({@code --empty-database=NAME});
	 * null to refuse a database that holds anything
	 * @param secondNight whether to run the first night again, in this JVM, once everything else is measured
	 */
	public record Options(int partnerships, int agencies, long seed, String emptyDatabase, boolean secondNight) {
	}

	/** The first night run again on the same data, generated afresh, in the JVM that ran the first: its whole and its split. */
	public record SecondNight(Duration fullRun, Split split, int evaluated) {
	}

	/** The benchmark was refused before it changed anything: its options do not allow what it found. */
	public static final class Refused extends IllegalStateException {

		Refused(String message) {
			super(message);
		}

	}

	/** The figures one benchmark run measured. */
	public record Figures(NationalData.Size size, Duration generation, Duration fullRun, Duration evaluation, Duration ratings,
			Duration summaries, SummaryFigures summaryParts, int evaluated, int summariesWritten, Duration noChangeRun,
			Duration oneChangeRun, double rulesOnlyRate, Duration readFloor, Duration resultsFloor, Duration floor, long peakHeap, long peakLive, long retainedHeap, long maxHeap,
			SecondNight secondNight) {

		double endToEndRate() {
			return this.evaluated / seconds(this.evaluation);
		}

		double floorRate() {
			return this.size.returns() / seconds(this.floor);
		}

		double resultsFloorRate() {
			return this.size.returns() / seconds(this.resultsFloor);
		}

		double readFloorRate() {
			return this.size.returns() / seconds(this.readFloor);
		}

		/** Evaluation end to end against the read-and-write floor (the result rows and the returns' evaluation state). */
		double ratio() {
			return seconds(this.evaluation) / seconds(this.floor);
		}

		/** Evaluation end to end against the read-and-write floor as it was before V38: the result rows only. */
		double resultsRatio() {
			return seconds(this.evaluation) / seconds(this.resultsFloor);
		}

		/** Evaluation end to end against the read floor. */
		double readRatio() {
			return seconds(this.evaluation) / seconds(this.readFloor);
		}

		/**
		 * The first night, split so that the parts add up to it: evaluation, partnership ratings, the summaries'
		 * models, HTML and PDF (the summary step's wall-clock time shared among its parts in proportion to their time on
		 * their threads), and the rest (the summaries' JSON and CSV files and manifests, deciding what changed,
		 * retention, the job's own bookkeeping).
		 */
		Split split() {
			return Split.of(this.fullRun, this.evaluation, this.ratings, this.summaryParts);
		}

	}

	/** The first night's parts; they add up to it. */
	public record Split(Duration evaluation, Duration ratings, Duration summaryModels, Duration summariesHtml, Duration summariesPdf, Duration other) {

		static Split of(Duration fullRun, Duration evaluation, Duration ratings, SummaryFigures parts) {
			double share = (parts.partsNanos() > 0) ? (double) parts.wallNanos() / parts.partsNanos() : 0;
			Duration model = Duration.ofNanos(Math.round(parts.modelNanos() * share));
			Duration html = Duration.ofNanos(Math.round(parts.htmlNanos() * share));
			Duration pdf = Duration.ofNanos(Math.round(parts.pdfNanos() * share));
			Duration other = fullRun.minus(evaluation).minus(ratings).minus(model).minus(html).minus(pdf);
			return new Split(evaluation, ratings, model, html, pdf, other);
		}

		public Duration total() {
			return this.evaluation.plus(this.ratings).plus(this.summaryModels).plus(this.summariesHtml).plus(this.summariesPdf).plus(this.other);
		}

	}

	public Figures run(Options options, PrintStream out) {
		prepare(options);
		out.printf("Benchmark: %d partnerships x %d agencies, seed %d; %d evaluation thread(s), chunk %d; %d processor(s); %s; %s%n",
				options.partnerships(), options.agencies(), options.seed(), this.settings.threads(), this.settings.chunkSize(),
				Runtime.getRuntime().availableProcessors(), database(), (this.engine.getClass() == RuleEngine.class)
						? "rules in this process (s11.rules.runner.isolated: false)" : "rules in rule-runner processes");

		long t0 = System.nanoTime();
		NationalData.Size size = NationalData.generate(this.jdbc, this.packs, options.partnerships(), options.agencies(), options.seed());
		Duration generation = since(t0);
		out.printf("Generated %,d returns with %,d item responses and %,d agency actions in %.1f s%n", size.returns(), size.responses(),
				size.actions(), seconds(generation));

		System.gc();
		JobExecution full;
		long peakHeap;
		long peakLive;
		long retainedHeap;
		try (HeapWatch heap = new HeapWatch()) {
			full = this.evaluation.evaluateOpenCycles();
			peakHeap = heap.peakHeap();
			peakLive = heap.peakAfterCollection();
			retainedHeap = heap.retainedAfterFullCollection();
		}
		completed(full, "The full run");
		Duration fullRun = Duration.between(full.getStartTime(), full.getEndTime());

		long t1 = System.nanoTime();
		JobExecution noChange = this.evaluation.evaluateOpenCycles();
		Duration noChangeRun = since(t1);
		check(noChange, 0);
		String noChangeSteps = steps(noChange, noChangeRun);

		correctOneReturn();
		long t2 = System.nanoTime();
		JobExecution oneChange = this.evaluation.evaluateOpenCycles();
		Duration oneChangeRun = since(t2);
		check(oneChange, 1);

		double rulesOnlyRate = rulesOnly();
		Duration[] floors = floors();
		SecondNight secondNight = options.secondNight() ? secondNight(options) : null;

		Figures figures = new Figures(size, generation, fullRun, step(full, "evaluateSubmissionsStep"), step(full, "ratePartnershipsStep"),
				step(full, "summariseCyclesStep"), SummaryFigures.of(full), RunReports.evaluated(full), RunReports.summariesWritten(full),
				noChangeRun, oneChangeRun, rulesOnlyRate, floors[0], floors[1], floors[2], peakHeap, peakLive, retainedHeap, Runtime.getRuntime().maxMemory(),
				secondNight);
		print(figures, out);
		out.printf("  the run with nothing changed, by step: %s%n", noChangeSteps);
		if (secondNight != null) {
			print(secondNight, out);
		}
		return figures;
	}

	/**
	 * The first night again in this JVM: every table emptied (all it holds was generated by this run: it was empty, or
	 * emptied by name, at the start), the same data generated again from the same seed, the night run as the first.
	 * What stays from the first night is what a long-lived process keeps: the JIT's compiled code, the packs compiled
	 * in memory, the rule runner if it is still within its idle time.
	 */
	private SecondNight secondNight(Options options) {
		emptyEveryTable();
		NationalData.generate(this.jdbc, this.packs, options.partnerships(), options.agencies(), options.seed());
		System.gc();
		JobExecution again = completed(this.evaluation.evaluateOpenCycles(), "The second night");
		Duration fullRun = Duration.between(again.getStartTime(), again.getEndTime());
		return new SecondNight(fullRun, Split.of(fullRun, step(again, "evaluateSubmissionsStep"), step(again, "ratePartnershipsStep"),
				SummaryFigures.of(again)), RunReports.evaluated(again));
	}

	/** The night's run, or what it ended as and why, if it did not complete. */
	private static JobExecution completed(JobExecution night, String which) {
		if (night.getStatus() != BatchStatus.COMPLETED) {
			throw new IllegalStateException(which + " ended " + night.getStatus() + ": " + night.getAllFailureExceptions());
		}
		return night;
	}

	private static void print(SecondNight night, PrintStream out) {
		Split split = night.split();
		out.printf("The first night again, in this JVM (compiled by now) %5.1f s    (%,d returns evaluated)%n", seconds(night.fullRun()),
				night.evaluated());
		out.printf("  evaluation %.1f s, ratings %.1f s, models %.1f s, HTML %.1f s, PDF %.1f s, other %.1f s%n", seconds(split.evaluation()),
				seconds(split.ratings()), seconds(split.summaryModels()), seconds(split.summariesHtml()), seconds(split.summariesPdf()),
				seconds(split.other()));
	}

	/**
	 * Refuses to run unless the database is empty, or {@code --empty-database} names it (its actual name, as the
	 * server reports it), in which case everything in it is deleted first. Real cycles (not generated by the
	 * benchmark) are named in the refusal.
	 */
	private void prepare(Options options) {
		String name = this.jdbc.queryForObject("select database()", String.class);
		if (options.emptyDatabase() != null && !options.emptyDatabase().equals(name)) {
			throw new Refused("--empty-database=" + options.emptyDatabase() + " does not name the configured database, which is '" + name
					+ "'. Nothing was deleted or generated.");
		}
		List<String> cycles = this.jdbc.queryForList("select id from audit_cycle order by id", String.class);
		if (!cycles.isEmpty() && options.emptyDatabase() == null) {
			List<String> real = cycles.stream().filter((id) -> !NationalData.generated(id)).toList();
			throw new Refused("The configured database '" + name + "' already holds " + cycles.size() + " audit cycle(s)"
					+ (real.isEmpty() ? ", all generated by an earlier benchmark"
							: ", " + real.size() + " of them real (not generated by the benchmark): "
									+ String.join(", ", real.subList(0, Math.min(5, real.size()))) + ((real.size() > 5) ? ", ..." : ""))
					+ ". The benchmark generates its own data: point it at an empty database, or give --empty-database=" + name
					+ " to delete everything in this one first. Nothing was deleted or generated.");
		}
		if (!cycles.isEmpty()) {
			log.warn("--empty-database={}: deleting every cycle, return and result in {}", name, database());
			emptyEveryTable();
		}
	}

	/**
	 * Deletes the rows of every table in the database but Flyway's history and Spring Batch's id sequences (their one row
	 * is the next id), on one connection with the foreign-key
	 * checks off, so that a table added by a later migration is emptied too (a list kept here fell behind them).
	 */
	private void emptyEveryTable() {
		this.jdbc.execute((java.sql.Connection connection) -> {
			List<String> tables = new ArrayList<>();
			try (java.sql.ResultSet rs = connection.createStatement().executeQuery("select table_name from information_schema.tables "
					+ "where table_schema = database() and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' "
					+ "and upper(table_name) not like 'BATCH\\_%\\_SEQ'")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			try (java.sql.Statement statement = connection.createStatement()) {
				statement.execute("set foreign_key_checks = 0");
				try {
					for (String table : tables) {
						statement.executeUpdate("delete from `" + table + "`");
					}
				}
				finally {
					statement.execute("set foreign_key_checks = 1");
				}
			}
			return null;
		});
	}

	private void correctOneReturn() {
		Long id = this.jdbc.queryForObject("select min(id) from submission", Long.class);
		this.jdbc.update("update item_response set rating = (select r.rating from (select rating from item_response where submission_id = ? "
				+ "order by item_id desc limit 1) r) where submission_id = ? and item_id = (select i.item_id from (select min(item_id) as item_id "
				+ "from item_response where submission_id = ?) i)", id, id, id);
		this.jdbc.update("update submission set version = version + 1, imported_at = ? where id = ?", LocalDateTime.now(), id);
	}

	private static void check(JobExecution execution, int expectedEvaluated) {
		if (execution.getStatus() != BatchStatus.COMPLETED || RunReports.evaluated(execution) != expectedEvaluated) {
			throw new IllegalStateException("Expected a completed run evaluating " + expectedEvaluated + " return(s), got "
					+ execution.getStatus() + " with " + RunReports.evaluated(execution));
		}
	}

	/** The rules alone: a sample of returns loaded into memory first, then evaluated on the run's threads. */
	private double rulesOnly() {
		List<Map<String, Object>> sample = this.jdbc.queryForList("""
				select s.id, c.pack_id from submission s join audit_cycle c on c.id = s.cycle_id order by s.id limit ?""", RULES_ONLY_SAMPLE);
		Map<String, RulePackCompiler.CompiledPack> compiled = new HashMap<>();
		List<Map.Entry<RulePackCompiler.CompiledPack, SubmissionFacts>> work = new ArrayList<>();
		for (int from = 0; from < sample.size(); from += 500) {
			List<Map<String, Object>> page = sample.subList(from, Math.min(from + 500, sample.size()));
			Map<Long, SubmissionFacts> facts = this.submissions.facts(page.stream().map((r) -> ((Number) r.get("id")).longValue()).toList());
			for (Map<String, Object> row : page) {
				RulePackCompiler.CompiledPack pack = compiled.computeIfAbsent((String) row.get("pack_id"), this.publishedPacks::usable);
				work.add(Map.entry(pack, facts.get(((Number) row.get("id")).longValue())));
			}
		}
		ConcurrentLinkedQueue<Map.Entry<RulePackCompiler.CompiledPack, SubmissionFacts>> queue = new ConcurrentLinkedQueue<>(work);
		long start = System.nanoTime();
		inParallel(() -> {
			Map.Entry<RulePackCompiler.CompiledPack, SubmissionFacts> next;
			while ((next = queue.poll()) != null) {
				this.engine.evaluate(next.getKey(), next.getValue());
			}
		});
		return work.size() / seconds(since(start));
	}

	/**
	 * The floors, each on the run's threads, a partnership at a time and a chunk at a time (keyset paging, as the
	 * reader): the read floor reads every return's stored document, the one thing every design must read, in one
	 * query a chunk; the read-and-write floor reads the same and writes as many result rows of the project's own shape
	 * and size as the rules produced ({@link ResultShapes}), one JDBC batch per table and one transaction per chunk,
	 * into scratch copies of the result tables with the same columns, indexes and foreign keys; and that floor again
	 * with what the evaluator also writes in each chunk since V38, the returns' own evaluation state (one update of
	 * the chunk's returns, into a scratch copy of the returns' table). Each write pass starts from empty scratch tables.
	 */
	private Duration[] floors() {
		ResultShapes shapes = ResultShapes.of(this.jdbc);
		List<String> partnershipIds = this.jdbc.queryForList("select distinct partnership_id from audit_cycle order by partnership_id", String.class);
		Duration read = timed(partnershipIds, (partnership) -> floorOf(partnership, shapes, Floor.READ));
		try {
			scratchTables();
			Duration results = timed(partnershipIds, (partnership) -> floorOf(partnership, shapes, Floor.RESULTS));
			scratchTables();
			Duration withReturns = timed(partnershipIds, (partnership) -> floorOf(partnership, shapes, Floor.RESULTS_AND_RETURNS));
			return new Duration[] { read, results, withReturns };
		}
		finally {
			SCRATCH.forEach((table) -> this.jdbc.execute("drop table if exists floor_" + table));
		}
	}

	/** What a floor's pass writes besides reading the returns. */
	private enum Floor {

		READ, RESULTS, RESULTS_AND_RETURNS

	}

	/** The scratch tables, as their originals, dropped after the floors: the result tables, and the returns' own. */
	private static final List<String> SCRATCH = List.of("finding", "follow_up_action", "evaluation", "submission");

	/**
	 * Empty scratch copies of the result tables, and a copy of the returns' table with every return but not its document
	 * (kept off the row's page in the original, and not what the update writes) nor its evaluation state.
	 */
	private void scratchTables() {
		SCRATCH.forEach((table) -> this.jdbc.execute("drop table if exists floor_" + table));
		this.jdbc.execute("create table floor_submission like submission");
		String columns = String.join(", ", this.jdbc.queryForList("""
				select concat('`', column_name, '`') from information_schema.columns where table_schema = database() and table_name = 'submission'
				and column_name not in ('document', 'evaluation_status', 'evaluated_version', 'evaluated_pack_version') order by ordinal_position""",
				String.class));
		this.jdbc.execute("insert into floor_submission (" + columns + ", document) select " + columns + ", '' from submission");
		List.of("finding", "follow_up_action", "evaluation").forEach((table) -> {
			this.jdbc.execute("create table floor_" + table + " like " + table);
			// "like" copies columns and indexes, not foreign keys: the real tables check every row against its return
			this.jdbc.execute("alter table floor_" + table + " add foreign key (submission_id) references submission (id) on delete cascade");
		});
	}

	private Duration timed(List<String> partnershipIds, java.util.function.Consumer<String> work) {
		ConcurrentLinkedQueue<String> partnerships = new ConcurrentLinkedQueue<>(partnershipIds);
		long start = System.nanoTime();
		inParallel(() -> {
			String partnership;
			while ((partnership = partnerships.poll()) != null) {
				work.accept(partnership);
			}
		});
		return since(start);
	}

	/** One partnership's part of a floor: its returns read a chunk at a time, and what the floor writes written. */
	private void floorOf(String partnership, ResultShapes shapes, Floor floor) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			long after = 0;
			while (true) {
				List<ResultShapes.Read> page = new ArrayList<>();
				try (PreparedStatement select = connection.prepareStatement("""
						select s.id, s.version, c.pack_id, s.document from submission s join audit_cycle c on c.id = s.cycle_id
						where c.partnership_id = ? and s.id > ? order by s.id limit ?""")) {
					select.setString(1, partnership);
					select.setLong(2, after);
					select.setInt(3, this.settings.chunkSize());
					try (ResultSet rs = select.executeQuery()) {
						while (rs.next()) {
							page.add(new ResultShapes.Read(rs.getLong(1), rs.getInt(2), rs.getString(3)));
							if (rs.getString(4).isEmpty()) {
								throw new IllegalStateException("return " + rs.getLong(1) + " has an empty stored document");
							}
						}
					}
				}
				if (page.isEmpty()) {
					connection.commit();
					return;
				}
				after = page.get(page.size() - 1).id();
				if (floor != Floor.READ) {
					shapes.write(connection, page, floor == Floor.RESULTS_AND_RETURNS);
				}
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Floor measurement failed for " + partnership + ": " + ex.getMessage(), ex);
		}
	}

	private void inParallel(Runnable work) {
		ExecutorService threads = Executors.newFixedThreadPool(this.settings.threads());
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < this.settings.threads(); i++) {
				futures.add(threads.submit(work));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void print(Figures f, PrintStream out) {
		Split split = f.split();
		SummaryFigures parts = f.summaryParts();
		int n = Math.max(parts.summaries(), 1);
		out.println();
		out.println("                                                   figure    target");
		out.printf("Returns / item responses              %,10d / %,d%n", f.size().returns(), f.size().responses());
		out.printf("Full first night (evaluate+rate+summarise) %9.1f s    < 30 s%n", seconds(f.fullRun()));
		out.printf("  evaluation, end to end                  %8.1f s    (%,.0f returns/s)%n", seconds(split.evaluation()), f.endToEndRate());
		out.printf("  partnership ratings                     %8.1f s%n", seconds(split.ratings()));
		out.printf("  summaries' models (read)                %8.1f s%n", seconds(split.summaryModels()));
		out.printf("  summaries HTML                          %8.1f s%n", seconds(split.summariesHtml()));
		out.printf("  summaries PDF                           %8.1f s%n", seconds(split.summariesPdf()));
		out.printf("  other (CSV/JSON, manifests, retention, job)%5.1f s%n", seconds(split.other()));
		out.printf("Summaries: %d written in %.1f s; each, on its thread: model %.0f ms, HTML %.0f ms, PDF %.0f ms (%.1f pages), files %.0f ms%n",
				f.summariesWritten(), seconds(f.summaries()), parts.modelNanos() / 1e6 / n, parts.htmlNanos() / 1e6 / n,
				parts.pdfNanos() / 1e6 / n, (double) parts.pages() / n, parts.filesNanos() / 1e6 / n);
		out.printf("Rules only, in memory                     %8.0f returns/s%n", f.rulesOnlyRate());
		out.printf("Read floor: plain JDBC, stored returns    %8.1f s    (%,.0f returns/s)%n", seconds(f.readFloor()), f.readFloorRate());
		out.printf("Read+write floor: plain JDBC, + results   %8.1f s    (%,.0f returns/s; the result rows only, as before V38)%n",
				seconds(f.resultsFloor()), f.resultsFloorRate());
		out.printf("Read+write floor: + returns' state        %8.1f s    (%,.0f returns/s; the result rows and the returns' evaluation state)%n",
				seconds(f.floor()), f.floorRate());
		out.printf("Evaluation end to end / read floor        %8.2f      <= 3%n", f.readRatio());
		out.printf("Evaluation end to end / read+write floor  %8.2f      <= 1.3 (%.2f against the result rows only)%n", f.ratio(), f.resultsRatio());
		out.printf("Second run, nothing changed               %8.1f s    < 1 s%n", seconds(f.noChangeRun()));
		out.printf("Run after one return was corrected        %8.1f s%n", seconds(f.oneChangeRun()));
		out.printf("Peak heap during the full run             %8.0f MB   < 384 MB (max heap %.0f MB; retained after it: %.0f MB)%n",
				f.peakHeap() / 1048576.0, f.maxHeap() / 1048576.0, f.retainedHeap() / 1048576.0);
		out.printf("  most still in use right after a collection %5.0f MB   (what the run kept live; the peak above includes garbage)%n",
				f.peakLive() / 1048576.0);
	}

	private String database() {
		return this.jdbc.queryForObject("select concat(version(), ' database ', database())", String.class);
	}

	/** Each step's time in a run, and what the run took besides (launching, the run's lock, its report). */
	private static String steps(JobExecution execution, Duration whole) {
		StringBuilder text = new StringBuilder();
		Duration inSteps = Duration.ZERO;
		for (org.springframework.batch.core.StepExecution step : execution.getStepExecutions()) {
			if (step.getStepName().contains(":")) {
				continue; // a partition: counted in its step
			}
			Duration took = Duration.between(step.getStartTime(), step.getEndTime());
			inSteps = inSteps.plus(took);
			text.append(step.getStepName()).append(String.format(" %.2f s, ", seconds(took)));
		}
		return text.append(String.format("besides the steps %.2f s", seconds(whole.minus(inSteps)))).toString();
	}

	private static Duration step(JobExecution execution, String name) {
		return execution.getStepExecutions().stream()
			.filter((s) -> s.getStepName().equals(name))
			.map((s) -> Duration.between(s.getStartTime(), s.getEndTime()))
			.reduce(Duration.ZERO, Duration::plus);
	}

	private static Duration since(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos);
	}

	static double seconds(Duration duration) {
		return Math.max(duration.toNanos() / 1e9, 1e-9);
	}

}
