package org.s11evaluator.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.s11evaluator.files.AtomicFiles;
import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A closed cycle's published record: each closing publishes its summary as a numbered edition,
 * {@code <output>/<cycle>/editions/<n>/} (HTML, PDF, JSON, both CSVs and {@code edition.manifest.json}), written in
 * a temporary folder and renamed into place whole, never overwritten; the cycle's live folder then shows it. The
 * summary document of each edition is kept in the database too, for the next cycle's "progress since".
 */
@Service
public class Editions {

	private static final Logger log = LoggerFactory.getLogger(Editions.class);

	private final CycleSummaryQuery query;

	private final CycleSummaries summaries;

	private final JdbcClient jdbc;

	private final Path outputDirectory;

	Editions(CycleSummaryQuery query, CycleSummaries summaries, JdbcClient jdbc, ReportingSettings settings) {
		this.query = query;
		this.summaries = summaries;
		this.jdbc = jdbc;
		this.outputDirectory = settings.outputDirectory();
	}

	/** An edition just published: its number and folder. */
	public record Published(String cycleId, int edition, Path folder) {
	}

	/**
	 * Publishes the cycle's summary, as of the day given, as its next edition, built by {@code operator}, and makes
	 * its live folder show it. The caller has checked that the results are final under {@code packVersion}.
	 */
	public Published publish(String cycleId, String packId, String packVersion, LocalDate asOf, String operator) {
		Path editions = OutputFolder.resolve(this.outputDirectory, cycleId, "editions");
		int edition = next(cycleId, editions);
		Path target = editions.resolve(Integer.toString(edition));
		CycleSummary summary = this.query.build(cycleId, asOf);
		// each group's summary (a template's or a partnership's) is part of the edition, in its own folder
		List<CycleSummaries.GroupStaged> groups = this.summaries.groupSummaries(cycleId, asOf);
		Path temp = AtomicFiles.temporaryFolder(target);
		List<SummaryManifest.File> files = new ArrayList<>();
		List<AtomicFiles.Staged> staged = new ArrayList<>();
		try {
			this.summaries.stage(summary, temp, staged);
			for (CycleSummaries.GroupStaged group : groups) {
				this.summaries.stage(group.summary(), OutputFolder.resolve(temp, group.folder()), staged);
			}
			staged.forEach(AtomicFiles.Staged::publish);
			staged.forEach((f) -> files.add(new SummaryManifest.File(temp.toAbsolutePath().normalize().relativize(f.target().toAbsolutePath().normalize()).toString().replace('\\', '/'), f.size(),
					f.sha256())));
		}
		catch (RuntimeException ex) {
			AtomicFiles.deleteFolder(temp);
			throw ex;
		}
		finally {
			staged.forEach(AtomicFiles.Staged::close);
		}
		EditionManifest manifest = new EditionManifest(EditionManifest.FORMAT, cycleId, edition, packId, packVersion, summary.generatedAt(), asOf,
				operator, summary.provenance().submissions().stream()
					.map((s) -> new EditionManifest.Input(s.agencyId(), s.submissionId(), s.version(), s.contentHash()))
					.toList(), files);
		AtomicFiles.write(temp.resolve(EditionManifest.NAME), (out) -> this.summaries.mapper().writeValue(out, manifest));
		String manifestSha256 = sha256(temp.resolve(EditionManifest.NAME));
		String document = readString(temp.resolve("summary.json"));
		AtomicFiles.publishFolder(temp, target);
		this.jdbc.sql("""
				insert into cycle_edition (cycle_id, edition, pack_id, pack_version, built_at, folder, manifest_sha256, summary)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(cycleId, edition, packId, packVersion, LocalDateTime.ofInstant(summary.generatedAt(), ZoneOffset.UTC),
					target.toAbsolutePath().toString(), manifestSha256, document)
			.update();
		this.summaries.showEdition(summary, target, edition, groups);
		log.info("Edition {} of {} published in {}", edition, LogValues.escape(cycleId), LogValues.escape(target.toAbsolutePath()));
		return new Published(cycleId, edition, target);
	}

	/** The editions published of a cycle, by number. */
	public List<Integer> published(String cycleId) {
		return this.jdbc.sql("select edition from cycle_edition where cycle_id = ? order by edition").param(cycleId).query(Integer.class).list();
	}

	/** The folder of an edition. */
	public Path folder(String cycleId, int edition) {
		return OutputFolder.resolve(this.outputDirectory, cycleId, "editions", Integer.toString(edition));
	}

	/** The outcome of checking an edition's files against its manifest: empty problems when every file matches. */
	public record Verification(String cycleId, int edition, Path folder, List<String> checked, List<String> problems) {

		public boolean intact() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * Checks an edition (by default the latest) against its manifest: every file it names is there with its size and
	 * SHA-256, no other file is, and the manifest is the one recorded when the edition was published.
	 */
	public Verification verify(String cycleId, Optional<Integer> which) {
		List<Integer> published = published(cycleId);
		int edition = which.orElseGet(() -> published.isEmpty() ? 0 : published.get(published.size() - 1));
		if (edition == 0) {
			throw new IllegalArgumentException("Cycle " + cycleId + " has no published edition: an edition is published when the cycle is closed (close-cycle --cycle="
					+ cycleId + ")");
		}
		Path folder = folder(cycleId, edition);
		List<String> problems = new ArrayList<>();
		List<String> checked = new ArrayList<>();
		if (!published.contains(edition)) {
			problems.add("edition " + edition + " of " + cycleId + " was never published (published: " + published + ")");
		}
		Path manifestFile = folder.resolve(EditionManifest.NAME);
		EditionManifest manifest = null;
		try {
			manifest = this.summaries.mapper().readValue(manifestFile.toFile(), EditionManifest.class);
		}
		catch (IOException ex) {
			problems.add(EditionManifest.NAME + " is missing or cannot be read (" + folder.toAbsolutePath() + ")");
		}
		this.jdbc.sql("select manifest_sha256 from cycle_edition where cycle_id = ? and edition = ?")
			.params(cycleId, edition)
			.query(String.class)
			.optional()
			.filter((recorded) -> Files.isRegularFile(manifestFile) && !recorded.equals(sha256(manifestFile)))
			.ifPresent((recorded) -> problems.add(EditionManifest.NAME + " differs from the manifest recorded when edition " + edition
					+ " was published"));
		if (manifest != null) {
			SummaryManifest asSet = new SummaryManifest(SummaryManifest.FORMAT, cycleId, manifest.asOf(), manifest.builtAt(), null, null,
					manifest.files(), edition);
			manifest.files().forEach((f) -> checked.add(f.name()));
			problems.addAll(asSet.problems(folder));
			try (Stream<Path> present = Files.walk(folder)) {
				present.filter(Files::isRegularFile).map((p) -> folder.relativize(p).toString().replace('\\', '/'))
					.filter((name) -> !name.equals(EditionManifest.NAME) && !checked.contains(name))
					.sorted()
					.forEach((name) -> problems.add(name + " is not in the manifest"));
			}
			catch (IOException ex) {
				problems.add("the folder " + folder.toAbsolutePath() + " cannot be read: " + ex.getMessage());
			}
		}
		return new Verification(cycleId, edition, folder, checked, problems);
	}

	/** The next edition's number: after every edition recorded and every folder on disk, so none is ever reused. */
	private int next(String cycleId, Path editions) {
		int recorded = this.jdbc.sql("select coalesce(max(edition), 0) from cycle_edition where cycle_id = ?").param(cycleId)
			.query(Integer.class).single();
		int onDisk = 0;
		if (Files.isDirectory(editions)) {
			try (Stream<Path> folders = Files.list(editions)) {
				onDisk = folders.map((p) -> p.getFileName().toString()).filter((n) -> n.matches("[0-9]{1,9}")).mapToInt(Integer::parseInt)
					.max().orElse(0);
			}
			catch (IOException ex) {
				throw new IllegalStateException("The editions folder " + editions.toAbsolutePath() + " cannot be read: " + ex.getMessage(), ex);
			}
		}
		return Math.max(recorded, onDisk) + 1;
	}

	private static String readString(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static String sha256(Path file) {
		try {
			return SummaryManifest.sha256(file);
		}
		catch (IOException ex) {
			return "unreadable";
		}
	}

}
