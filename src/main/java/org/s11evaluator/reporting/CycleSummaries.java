package org.s11evaluator.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.s11evaluator.files.AtomicFiles;
import org.s11evaluator.files.ContentHash;
import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Produces a cycle's board summary: {@code summary.html} (self-contained), {@code summary.pdf},
 * {@code summary.json}, {@code register-of-returns.csv} and {@code improvement-plan.csv}, in
 * {@code <output>/<cycle>/}, published atomically as a set named by {@code summary.manifest.json} (written last).
 * A summary whose content has not changed since it was last written, and whose files on disk still match
 * their manifest, is not written again.
 */
@Service
public class CycleSummaries {

	private static final Logger log = LoggerFactory.getLogger(CycleSummaries.class);

	/** The report template: part of what a summary says, so part of its fingerprint. */
	private static final byte[] TEMPLATE = template();

	private final CycleSummaryQuery query;

	private final ITemplateEngine templates;

	private final ObjectMapper json;

	private final JdbcClient jdbc;

	private final Path outputDirectory;

	/**
	 * Summary files already read to check them, or written, while unchanged: a night with nothing new reads none of them
	 * again, in this process or, through {@link #stamps}, the next.
	 */
	private final VerifiedFiles verified = new VerifiedFiles();

	private final SummaryFileStamps stamps;

	private final org.s11evaluator.cycle.CycleGroups groups;

	private final org.s11evaluator.cycle.CycleQueries cycles;

	CycleSummaries(CycleSummaryQuery query, ITemplateEngine templates, ObjectMapper json, JdbcClient jdbc, ReportingSettings settings,
			org.s11evaluator.cycle.CycleGroups groups, org.s11evaluator.cycle.CycleQueries cycles, SummaryFileStamps stamps) {
		this.groups = groups;
		this.cycles = cycles;
		this.stamps = stamps;
		this.query = query;
		this.templates = templates;
		this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
		this.jdbc = jdbc;
		this.outputDirectory = settings.outputDirectory();
	}

	/** What summarising a cycle did: the folder, whether anything was written, and what its parts took. */
	public record Written(String cycleId, Path folder, boolean changed, Timings took) {
	}

	/**
	 * What one summary took, in nanoseconds of its own thread: reading its model from the database, the HTML, the
	 * PDF (and its pages), and the rest (summary.json, the CSV files, the fingerprint, the manifest); zero for a
	 * part not done (an unchanged summary is not rendered).
	 */
	public record Timings(long model, long html, long pdf, long files, int pages) {

		static final Timings NONE = new Timings(0, 0, 0, 0, 0);

	}

	/**
	 * Writes the cycle's summary if its content changed since last time (or {@code force}). Writing clears the
	 * record of the inputs it reflects, so a summary made outside a run (the {@code summary} command, perhaps
	 * as of another day) is made again by the next run; the run records the inputs once it has written it.
	 */
	public Written summarise(String cycleId, LocalDate asOf, boolean force) {
		return summarise(cycleId, asOf, force, null);
	}

	/**
	 * As {@link #summarise(String, LocalDate, boolean)}, naming in the manifest the inputs' fingerprint the summary
	 * is built from. A summary is "unchanged" only if its files on disk are intact (they match their manifest):
	 * a file emptied or damaged since is written again.
	 */
	public Written summarise(String cycleId, LocalDate asOf, boolean force, String inputsFingerprint) {
		Written written = summariseWhole(cycleId, asOf, force, inputsFingerprint);
		boolean groupsChanged = summariseGroups(cycleId, asOf, force);
		this.stamps.save(cycleId, written.folder(), this.verified);
		return groupsChanged && !written.changed() ? new Written(cycleId, written.folder(), true, written.took()) : written;
	}

	/**
	 * Writes the summary of each group of the cycle (a template's agencies, or a partnership's) in
	 * {@code <output>/<cycle>/<group>/}, each a set with its manifest like the cycle's own, unless it is unchanged and
	 * intact on disk. True if any was written.
	 */
	private boolean summariseGroups(String cycleId, LocalDate asOf, boolean force) {
		boolean changed = false;
		for (org.s11evaluator.cycle.CycleGroup group : this.groups.of(cycleId)) {
			CycleSummary summary = this.query.build(cycleId, asOf, new SummaryScope(group));
			String hash = contentHash(summary);
			Path folder = OutputFolder.resolve(this.outputDirectory, cycleId, group.id());
			SummaryManifest.Read onDisk = SummaryManifest.read(folder, this.json);
			if (!force && onDisk.manifest() != null && hash.equals(onDisk.manifest().contentHash()) && onDisk.manifest().problems(folder, this.verified).isEmpty()) {
				continue;
			}
			write(summary, hash, null, folder);
			log.info("Summary of {} for {} written to {}", LogValues.escape(cycleId), LogValues.escape(group.name()),
					LogValues.escape(folder.toAbsolutePath()));
			changed = true;
		}
		return changed;
	}

	/** The summaries of the cycle's groups, as of the day given (empty for a cycle without groups). */
	List<GroupStaged> groupSummaries(String cycleId, LocalDate asOf) {
		return this.groups.of(cycleId).stream()
			.map((g) -> new GroupStaged(g.id(), this.query.build(cycleId, asOf, new SummaryScope(g))))
			.toList();
	}

	/** A group's summary, and the folder it goes in under the cycle's. */
	record GroupStaged(String folder, CycleSummary summary) {
	}

	private Written summariseWhole(String cycleId, LocalDate asOf, boolean force, String inputsFingerprint) {
		long started = System.nanoTime();
		CycleSummary summary = this.query.build(cycleId, asOf);
		long built = System.nanoTime();
		String hash = contentHash(summary);
		Path folder = OutputFolder.resolve(this.outputDirectory, cycleId);
		Optional<String> previous = this.jdbc.sql("select content_hash from cycle_summary where cycle_id = ?").param(cycleId)
			.query(String.class).optional();
		SummaryManifest.Read onDisk = SummaryManifest.read(folder, this.json);
		if (!force && previous.filter(hash::equals).isPresent() && onDisk.manifest() != null && hash.equals(onDisk.manifest().contentHash())
				&& onDisk.manifest().problems(folder, this.verified).isEmpty()) {
			if (inputsFingerprint != null && !inputsFingerprint.equals(onDisk.manifest().inputsFingerprint())) {
				writeManifest(folder, onDisk.manifest().withInputsFingerprint(inputsFingerprint));
			}
			log.info("Summary of {} unchanged; not written again", LogValues.escape(cycleId));
			return new Written(cycleId, folder, false, new Timings(built - started, 0, 0, System.nanoTime() - built, 0));
		}
		long[] took = write(summary, hash, inputsFingerprint, folder);
		this.jdbc.sql("""
				insert into cycle_summary (cycle_id, content_hash, generated_at, output_folder) values (?, ?, ?, ?)
				on duplicate key update content_hash = values(content_hash), generated_at = values(generated_at),
				  output_folder = values(output_folder), inputs_fingerprint = null""")
			.params(cycleId, hash, LocalDateTime.ofInstant(summary.generatedAt(), ZoneOffset.UTC), folder.toAbsolutePath().toString())
			.update();
		long ended = System.nanoTime();
		log.info("Summary of {} written to {} (read {} ms, HTML {} ms, PDF {} ms, {} page(s))", LogValues.escape(cycleId),
				LogValues.escape(folder.toAbsolutePath()), (built - started) / 1_000_000, took[0] / 1_000_000, took[1] / 1_000_000, took[2]);
		return new Written(cycleId, folder, true, new Timings(built - started, took[0], took[1], (ended - built) - took[0] - took[1], (int) took[2]));
	}

	/**
	 * Whether the cycle's summary on disk can be trusted: its manifest exists and every file it names matches
	 * (size and SHA-256). Says why not in the log, since the summary is then written again.
	 */
	public boolean intact(String cycleId) {
		return intact(cycleId, this.groups.of(cycleId).stream().map(org.s11evaluator.cycle.CycleGroup::id).toList());
	}

	/**
	 * {@link #intact(String)} for the cycles of a run's scope: their groups are read once, in one query, when the
	 * first cycle is asked about (not one query per cycle).
	 */
	public java.util.function.Predicate<String> intactInScope(String scope) {
		java.util.concurrent.atomic.AtomicReference<java.util.Map<String, List<String>>> groupIds = new java.util.concurrent.atomic.AtomicReference<>();
		return (cycleId) -> intact(cycleId, groupIds.updateAndGet((read) -> (read != null) ? read : inScope(scope)).getOrDefault(cycleId, List.of()));
	}

	/** The groups of the cycles in scope, by cycle; the files' stamps kept for those cycles are taken on the way. */
	private java.util.Map<String, List<String>> inScope(String scope) {
		this.stamps.load(this.cycles.idsInScope(scope), this.verified);
		return this.groups.idsInScope(scope);
	}

	private boolean intact(String cycleId, List<String> groupIds) {
		Path folder = OutputFolder.resolve(this.outputDirectory, cycleId);
		SummaryManifest.Read onDisk = SummaryManifest.read(folder, this.json);
		List<String> problems = new ArrayList<>((onDisk.manifest() != null) ? onDisk.manifest().problems(folder, this.verified) : onDisk.problems());
		for (String group : groupIds) {
			Path groupFolder = OutputFolder.resolve(this.outputDirectory, cycleId, group);
			SummaryManifest.Read groupOnDisk = SummaryManifest.read(groupFolder, this.json);
			((groupOnDisk.manifest() != null) ? groupOnDisk.manifest().problems(groupFolder, this.verified) : groupOnDisk.problems())
				.forEach((p) -> problems.add(group + "/: " + p));
		}
		if (!problems.isEmpty()) {
			log.warn("The summary of {} on disk is incomplete or damaged ({}): it is written again", LogValues.escape(cycleId),
					LogValues.escape(String.join("; ", problems)));
		}
		this.stamps.save(cycleId, folder, this.verified);
		return problems.isEmpty();
	}

	private static byte[] template() {
		try (var in = CycleSummaries.class.getResourceAsStream("/templates/summary.html")) {
			return (in != null) ? in.readAllBytes() : new byte[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The summary as self-contained HTML. Agency text goes through Thymeleaf's escaping text output only. */
	public String html(CycleSummary summary) {
		return html(summary, false);
	}

	/**
	 * The HTML, or its printed edition (for the PDF), in which an improvement plan too long to print is shown
	 * by agency with its overdue actions in full; the HTML and the CSV keep every action.
	 */
	String html(CycleSummary summary, boolean print) {
		SummaryEditions editions = editions(summary, new SummaryView(summary));
		return print ? editions.printed() : editions.screen();
	}

	/** Both editions from one rendering of the template (they differ only in how the plan is shown). */
	private SummaryEditions editions(CycleSummary summary, SummaryView view) {
		Context context = new Context(java.util.Locale.UK);
		context.setVariable("s", summary);
		context.setVariable("v", view);
		return SummaryEditions.of(this.templates.process("summary", context), view.planIsLong());
	}

	/**
	 * Writes every file of the summary as a set: each to a temporary file beside it, all flushed to disk before
	 * any replaces its old file, then the manifest last. A failure while writing leaves the old set as it was;
	 * the old manifest goes before the first file is replaced, so a set replaced only in part is never trusted
	 * (and is written again by the next run). Returns the nanoseconds the HTML and the PDF took, and the PDF's pages.
	 */
	private long[] write(CycleSummary summary, String hash, String inputsFingerprint, Path folder) {
		List<AtomicFiles.Staged> staged = new ArrayList<>();
		try {
			long[] took = stage(summary, folder, staged);
			publish(summary, hash, inputsFingerprint, folder, staged, null);
			return took;
		}
		finally {
			staged.forEach(AtomicFiles.Staged::close);
		}
	}

	/**
	 * Stages the five files of the summary in the folder (not yet published), from one model and one view of it;
	 * returns the nanoseconds of the HTML (both editions, from one rendering) and of the PDF, and its pages.
	 */
	long[] stage(CycleSummary summary, Path folder, List<AtomicFiles.Staged> staged) {
		long started = System.nanoTime();
		SummaryView view = new SummaryView(summary);
		SummaryEditions editions = editions(summary, view);
		String html = editions.screen();
		String printed = editions.printed();
		staged.add(AtomicFiles.stage(folder.resolve("summary.html"), (out) -> out.write(html.getBytes(StandardCharsets.UTF_8))));
		long htmlDone = System.nanoTime();
		int[] pages = new int[1];
		staged.add(AtomicFiles.stage(folder.resolve("summary.pdf"), (out) -> pages[0] = PdfRenderer.render(printed, out)));
		long pdfDone = System.nanoTime();
		staged.add(AtomicFiles.stage(folder.resolve("summary.json"), (out) -> this.json.writeValue(out, summary)));
		staged.add(AtomicFiles.stage(folder.resolve("register-of-returns.csv"),
				(out) -> out.write(CsvExport.register(summary).getBytes(StandardCharsets.UTF_8))));
		staged.add(AtomicFiles.stage(folder.resolve("improvement-plan.csv"),
				(out) -> out.write(CsvExport.improvementPlan(summary).getBytes(StandardCharsets.UTF_8))));
		return new long[] { htmlDone - started, pdfDone - htmlDone, pages[0] };
	}

	/** Publishes staged files as the folder's live set: the old manifest goes first, the new one is written last. */
	private void publish(CycleSummary summary, String hash, String inputsFingerprint, Path folder, List<AtomicFiles.Staged> staged,
			Integer edition) {
		staged.forEach(AtomicFiles.Staged::checkTarget);
		AtomicFiles.delete(folder.resolve(SummaryManifest.NAME));
		staged.forEach(AtomicFiles.Staged::publish);
		staged.forEach((f) -> written(f.target(), f.sha256()));
		writeManifest(folder, new SummaryManifest(SummaryManifest.FORMAT, summary.cycle().id(), summary.asOf(), summary.generatedAt(), hash,
				inputsFingerprint, staged.stream().map((f) -> new SummaryManifest.File(f.target().getFileName().toString(), f.size(), f.sha256()))
					.toList(), edition));
	}

	/**
	 * Makes the live summary of a cycle (its output folder) the edition just published: the edition's files, byte
	 * for byte, as a set named by a manifest that names the edition.
	 */
	void showEdition(CycleSummary summary, Path editionFolder, int edition) {
		showEdition(summary, editionFolder, edition, List.of());
	}

	/** As {@link #showEdition(CycleSummary, Path, int)}, with each group's summary from its folder in the edition. */
	void showEdition(CycleSummary summary, Path editionFolder, int edition, List<GroupStaged> groupSummaries) {
		for (GroupStaged group : groupSummaries) {
			Path live = OutputFolder.resolve(this.outputDirectory, summary.cycle().id(), group.folder());
			Path from = editionFolder.resolve(group.folder());
			List<AtomicFiles.Staged> staged = new ArrayList<>();
			try {
				for (String name : SummaryManifest.FILES) {
					staged.add(AtomicFiles.stage(live.resolve(name), (out) -> Files.copy(from.resolve(name), out)));
				}
				publish(group.summary(), contentHash(group.summary()), null, live, staged, edition);
			}
			finally {
				staged.forEach(AtomicFiles.Staged::close);
			}
		}
		Path folder = OutputFolder.resolve(this.outputDirectory, summary.cycle().id());
		String hash = contentHash(summary);
		List<AtomicFiles.Staged> staged = new ArrayList<>();
		try {
			for (String name : SummaryManifest.FILES) {
				staged.add(AtomicFiles.stage(folder.resolve(name), (out) -> Files.copy(editionFolder.resolve(name), out)));
			}
			publish(summary, hash, null, folder, staged, edition);
		}
		finally {
			staged.forEach(AtomicFiles.Staged::close);
		}
		this.jdbc.sql("""
				insert into cycle_summary (cycle_id, content_hash, generated_at, output_folder) values (?, ?, ?, ?)
				on duplicate key update content_hash = values(content_hash), generated_at = values(generated_at),
				  output_folder = values(output_folder), inputs_fingerprint = null""")
			.params(summary.cycle().id(), hash, LocalDateTime.ofInstant(summary.generatedAt(), ZoneOffset.UTC), folder.toAbsolutePath().toString())
			.update();
		this.stamps.save(summary.cycle().id(), folder, this.verified);
	}

	/** The summary document as JSON, exactly as summary.json holds it. */
	byte[] json(CycleSummary summary) {
		try {
			return this.json.writeValueAsBytes(summary);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	ObjectMapper mapper() {
		return this.json;
	}

	/** What a file just published holds, as it is on disk now: it need not be read to be checked while it stays so. */
	private void written(Path file, String sha256) {
		try {
			this.verified.written(file, sha256);
		}
		catch (IOException ex) {
			log.debug("No stamp taken of {} ({}): it is read when next checked", LogValues.escape(file), ex.toString());
		}
	}

	private void writeManifest(Path folder, SummaryManifest manifest) {
		AtomicFiles.write(folder.resolve(SummaryManifest.NAME), (out) -> this.json.writeValue(out, manifest));
	}

	/**
	 * A fingerprint of everything the summary says and how it says it (the template), leaving out when it
	 * was generated and when each return was last evaluated: re-evaluating with the same outcome changes nothing.
	 */
	private String contentHash(CycleSummary summary) {
		CycleSummary.Provenance provenance = new CycleSummary.Provenance(summary.provenance().partnershipRulePackVersion(),
				summary.provenance().evaluationRulePackVersions(), summary.provenance().submissions().stream()
					.map((s) -> new CycleSummary.SourceSubmission(s.submissionId(), s.agencyId(), s.version(), s.contentHash(), s.packVersion(), null))
					.toList(), List.of());
		CycleSummary timeless = new CycleSummary(summary.format(), Instant.EPOCH, summary.asOf(), summary.cycle(), summary.participation(),
				summary.register(), summary.rejectedFiles(), summary.ratingPolicy(), summary.standards(), summary.heatmap(), summary.improvementPlan(), summary.progress(),
				summary.themes(), provenance, summary.framing(), summary.narrative(), summary.groups(), summary.moderation());
		// the history in the provenance is left out too: a run's own entry on the trail does not make a new summary
		try {
			return ContentHash.digest().update(this.json.writeValueAsBytes(timeless)).update(TEMPLATE).hex();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
