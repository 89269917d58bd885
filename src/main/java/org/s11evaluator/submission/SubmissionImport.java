package org.s11evaluator.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.cycle.ExpectedAgencies;
import org.s11evaluator.cycle.UnexpectedAgencies;
import org.s11evaluator.files.ContentHash;
import org.s11evaluator.logging.LogValues;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports returns from a file or a folder of {@code *.json} files, and of the files a {@link ReturnConverter} reads
 * (the partnership's workbooks, {@code *.xlsx}), each turned into the same JSON document first and then checked and
 * stored exactly as one. Each file is imported on its own: a bad file is recorded as rejected with every reason, and
 * the others are still imported. Importing the same content again changes nothing; a corrected return replaces the
 * earlier version.
 */
@Service
public class SubmissionImport {

	private static final Logger log = LoggerFactory.getLogger(SubmissionImport.class);

	private static final Pattern AGENCY_ID = Pattern.compile("\"agency\"\\s*:\\s*\\{[^}]*?\"id\"\\s*:\\s*\"([a-z0-9-]{1,100})\"");

	private static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

	private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

	private static final Pattern TOO_LONG = Pattern.compile("Data too long for column '([^']+)'");

	/** The fields of a return a database column holds, with the limit the validator applies to them. */
	private static final Map<String, String> COLUMNS = Map.ofEntries(
			Map.entry("evidence_text", "an evidence text (at most " + SubmissionValidator.MAX_LONG_TEXT + " characters)"),
			Map.entry("statement", "a statement (at most " + SubmissionValidator.MAX_LONG_TEXT + " characters)"),
			Map.entry("na_reason", "a naReason (at most " + SubmissionValidator.MAX_LONG_TEXT + " characters)"),
			Map.entry("evidence_links", "the evidence links of a response (at most " + SubmissionValidator.MAX_LINKS_TOTAL + " characters together)"),
			Map.entry("completed_by_name", "completedBy.name (at most " + SubmissionValidator.MAX_NAME + " characters)"),
			Map.entry("completed_by_role", "completedBy.role (at most " + SubmissionValidator.MAX_NAME + " characters)"),
			Map.entry("completed_by_email", "completedBy.email (at most " + SubmissionValidator.MAX_NAME + " characters)"),
			Map.entry("completed_by_phone", "completedBy.phone (at most " + SubmissionValidator.MAX_PHONE + " characters)"),
			Map.entry("outstanding_practice", "outstandingPractice (at most " + SubmissionValidator.MAX_LONG_TEXT + " characters)"),
			Map.entry("action_text", "an action (at most " + SubmissionValidator.MAX_LONG_TEXT + " characters)"),
			Map.entry("lead_name", "an action's lead (at most " + SubmissionValidator.MAX_NAME + " characters)"),
			Map.entry("progress", "an action's progress (at most " + SubmissionValidator.MAX_LONG_TEXT + " characters)"),
			Map.entry("name", "agency.name (at most " + SubmissionValidator.MAX_NAME + " characters)"),
			Map.entry("sector", "agency.sector (at most " + SubmissionValidator.MAX_SECTOR + " characters)"));

	/** The largest return accepted, checked before the file is read. */
	static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

	private static final Pattern CYCLE_ID = Pattern.compile("\"cycle\"\\s*:\\s*\"([^\"]{1,100})\"");

	private final CycleManagement cycles;

	private final RulePacks packs;

	private final SubmissionRepository submissions;

	private final TransactionTemplate transaction;

	private final ObjectReader json;

	private final ImportAudit audit;

	private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;

	private final List<ReturnConverter> converters;

	SubmissionImport(CycleManagement cycles, RulePacks packs, SubmissionRepository submissions,
			TransactionTemplate transaction, ObjectMapper json, ImportAudit audit,
			org.springframework.beans.factory.ObjectProvider<ReturnConverter> converters) {
		this.converters = converters.orderedStream().toList();
		this.audit = audit;
		this.cycles = cycles;
		this.packs = packs;
		this.submissions = submissions;
		this.transaction = transaction;
		// two readers of one file must not disagree about what it says: a key given twice is an error
		this.json = json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
	}

	/** For tests: a smaller largest file. */
	void maxFileBytes(long bytes) {
		this.maxFileBytes = bytes;
	}

	/**
	 * Imports every {@code *.json} file under the given paths, in name order. When {@code expectedCycle} is
	 * given, a return for any other cycle is rejected.
	 */
	public ImportReport importPaths(List<Path> paths, Optional<String> expectedCycle) {
		ImportReport report = new ImportReport();
		Map<String, Framework> frameworks = new HashMap<>();
		for (Path file : files(paths)) {
			ImportReport.FileResult result = importFileSafely(file, expectedCycle, frameworks);
			report.add(result);
			this.audit.imported(result);
			result.warnings().forEach((warning) -> log.warn("{}: {}", LogValues.escape(file), LogValues.escape(warning)));
			if (result.outcome() == ImportReport.Outcome.REJECTED) {
				// one line per problem: a return's text is quoted in them, and must not start lines of its own
				result.problems().forEach((problem) -> log.warn("Rejected {}: {}", LogValues.escape(file), LogValues.escape(problem)));
			}
		}
		log.info("Import finished: {} imported, {} replaced, {} unchanged, {} older and not applied, {} rejected",
				report.count(ImportReport.Outcome.IMPORTED), report.count(ImportReport.Outcome.REPLACED),
				report.count(ImportReport.Outcome.UNCHANGED), report.count(ImportReport.Outcome.OLDER),
				report.count(ImportReport.Outcome.REJECTED));
		return report;
	}

	/**
	 * Imports one file; whatever goes wrong with it (a database refusing a value, a file that vanished) rejects
	 * that file with the reason, and the import goes on with the next.
	 */
	private ImportReport.FileResult importFileSafely(Path file, Optional<String> expectedCycle, Map<String, Framework> frameworks) {
		try {
			return importFile(file, expectedCycle, frameworks);
		}
		catch (RuntimeException ex) {
			log.debug("Importing {} failed", LogValues.escape(file), ex);
			List<ImportProblem> problems = List.of(new ImportProblem("file", null, "could not be stored: " + reason(ex)));
			String source = file.toString();
			String content = null;
			try {
				if (Files.size(file) <= this.maxFileBytes && converter(file).isEmpty()) {
					content = Files.readString(file, StandardCharsets.UTF_8);
				}
			}
			catch (IOException | RuntimeException unreadable) {
				// the reason above is what matters; the content is kept only when it can be read
			}
			String cycleId = (content != null) ? guess(CYCLE_ID, content) : null;
			String agencyId = (content != null) ? guess(AGENCY_ID, content) : null;
			recordRejection(source, (content != null) ? content : "", cycleId, agencyId, problems);
			return new ImportReport.FileResult(source, ImportReport.Outcome.REJECTED, cycleId, agencyId, problems);
		}
	}

	/** A database error in plain words, naming the field and its limit where it is a value too long. */
	static String reason(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			Matcher tooLong = (message != null) ? TOO_LONG.matcher(message) : null;
			if (tooLong != null && tooLong.find()) {
				String field = COLUMNS.get(tooLong.group(1));
				return (field != null) ? field + " is too long to be stored"
						: "a value is too long for the database column \"" + tooLong.group(1) + "\"";
			}
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return message.lines().findFirst().orElse(message);
	}

	private void recordRejection(String source, String content, String cycleId, String agencyId, List<ImportProblem> problems) {
		String contentHash = sha256(content.getBytes(StandardCharsets.UTF_8));
		try {
			this.transaction.executeWithoutResult((status) -> this.submissions.reject(source,
					sha256(source.getBytes(StandardCharsets.UTF_8)), contentHash, cycleId, agencyId, content, problems));
		}
		catch (RuntimeException ex) {
			log.error("The rejection of {} could not be recorded: {}", LogValues.escape(source), LogValues.escape(reason(ex)));
		}
	}

	private ImportReport.FileResult importFile(Path file, Optional<String> expectedCycle, Map<String, Framework> frameworks) {
		Optional<ReturnConverter> converter = converter(file);
		if (converter.isPresent()) {
			return importConverted(file, converter.get().convert(file), expectedCycle, frameworks);
		}
		String source = file.toString();
		byte[] bytes;
		try {
			long size = Files.size(file);
			if (size > this.maxFileBytes) {
				List<ImportProblem> problems = List.of(new ImportProblem("file", null, "the file is " + megabytes(size)
						+ "; a return may be at most " + megabytes(this.maxFileBytes)));
				// the file is not read: its rejection is recorded with its size instead of its content
				String content = "";
				this.transaction.executeWithoutResult((status) -> this.submissions.reject(source,
						sha256(source.getBytes(StandardCharsets.UTF_8)), sha256(("size:" + size).getBytes(StandardCharsets.UTF_8)), null, null, content, problems));
				return new ImportReport.FileResult(source, ImportReport.Outcome.REJECTED, null, null, problems);
			}
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			return new ImportReport.FileResult(source, ImportReport.Outcome.REJECTED, null, null,
					List.of(new ImportProblem("file", null, "cannot be read: " + ex.getMessage())));
		}
		String content = new String(bytes, StandardCharsets.UTF_8);
		String contentHash = sha256(bytes);
		List<ImportProblem> problems = new ArrayList<>();
		SubmissionDocument document = null;
		Positions positions = null;
		try {
			JsonNode root = this.json.readTree(content);
			if (root == null || root.isMissingNode()) {
				problems.add(new ImportProblem("line 1, column 1", null, "the file is empty: expected a JSON submission"));
			}
			else {
				positions = JsonPositions.of(content);
				SubmissionValidator.Result result = new SubmissionValidator(this.cycles::find,
						(partnership) -> frameworks.computeIfAbsent(partnership, (id) -> this.packs.load(id).framework()), this.cycles::templateFor)
					.validate(root, positions);
				problems.addAll(result.problems());
				document = result.document();
			}
		}
		catch (JsonProcessingException ex) {
			JsonLocation where = ex.getLocation();
			String location = (where != null) ? "line " + where.getLineNr() + ", column " + where.getColumnNr() : "file";
			Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(ex.getOriginalMessage()));
			problems.add(new ImportProblem(location, null, duplicate.find()
					? "the key \"" + duplicate.group(1) + "\" appears twice in the same object: each key may be given once"
					: "not valid JSON: " + plain(ex.getOriginalMessage())));
		}
		return checkAndStore(source, content, contentHash, document, positions, problems, List.of(), expectedCycle);
	}

	/**
	 * A return read by a converter (a workbook): its JSON document is validated as a JSON file's is, each problem
	 * placed at the sheet and cell it came from, and checked and stored by the same rules; what the converter itself
	 * found wrong (a rating not on the scale, a formula, a renamed sheet) comes first, and a place it reported is not
	 * reported again by the validator.
	 */
	private ImportReport.FileResult importConverted(Path file, ConvertedReturn converted, Optional<String> expectedCycle,
			Map<String, Framework> frameworks) {
		String source = file.toString();
		List<ImportProblem> problems = new ArrayList<>(converted.problems());
		SubmissionDocument document = null;
		Positions positions = converted.positions();
		String content = (converted.json() != null) ? converted.json() : "";
		if (converted.json() != null) {
			try {
				JsonNode root = this.json.readTree(converted.json());
				SubmissionValidator.Result result = new SubmissionValidator(this.cycles::find,
						(partnership) -> frameworks.computeIfAbsent(partnership, (id) -> this.packs.load(id).framework()))
					.validate(root, positions);
				java.util.Set<String> placed = new java.util.HashSet<>();
				converted.problems().forEach((problem) -> placed.add(problem.location()));
				result.problems().stream().filter((problem) -> !placed.contains(problem.location())).forEach(problems::add);
				document = problems.isEmpty() ? result.document() : null;
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("the workbook's answers could not be read as a return: " + ex.getOriginalMessage(), ex);
			}
		}
		if (document == null && problems.isEmpty()) {
			problems.add(new ImportProblem(converted.wholeFile(), null, "nothing could be read from the file"));
		}
		if (!problems.isEmpty()) {
			String cycleId = converted.cycleId();
			String agencyId = converted.agencyId();
			this.transaction.executeWithoutResult((status) -> this.submissions.reject(source, sha256(source.getBytes(StandardCharsets.UTF_8)),
					sha256(content.getBytes(StandardCharsets.UTF_8)), cycleId, agencyId, content, problems));
			return new ImportReport.FileResult(source, ImportReport.Outcome.REJECTED, cycleId, agencyId, problems);
		}
		return checkAndStore(source, content, sha256(content.getBytes(StandardCharsets.UTF_8)), document, positions, problems,
				converted.warnings(), expectedCycle);
	}

	private Optional<ReturnConverter> converter(Path file) {
		return this.converters.stream().filter((converter) -> converter.reads(file)).findFirst();
	}

	/** The checks and the storing that every return goes through, whatever file it was read from. */
	private ImportReport.FileResult checkAndStore(String source, String content, String contentHash, SubmissionDocument document,
			Positions positions, List<ImportProblem> problems, List<String> converterWarnings, Optional<String> expectedCycle) {
		if (document != null && expectedCycle.isPresent() && !expectedCycle.get().equals(document.cycle())) {
			// the operator's slip (--cycle), not the agency's: refused, but recorded against neither cycle (no cycle id:
			// not in either's register or history), or the other cycle's register would show a rejection of a return it holds
			return new ImportReport.FileResult(source, ImportReport.Outcome.REJECTED, null, document.agency().id(),
					List.of(new ImportProblem(positions.describe("/cycle"), null, "this import is for cycle \"" + expectedCycle.get()
							+ "\" but the return is for \"" + document.cycle() + "\" (not imported, and not recorded as a rejection: "
							+ "import it without --cycle, or with --cycle=" + document.cycle() + ")")));
		}
		Optional<String> closed = problems.isEmpty() ? closedCycle(document) : Optional.empty();
		if (closed.isPresent()) {
			// a closed cycle's record is final: refused, and not recorded as a rejection of that cycle either
			return new ImportReport.FileResult(source, ImportReport.Outcome.REJECTED, document.cycle(), document.agency().id(),
					List.of(new ImportProblem(positions.describe("/cycle"), null, closed.get())));
		}
		List<String> warnings = new ArrayList<>(converterWarnings);
		if (document != null && problems.isEmpty() && !this.submissions.expected(document.cycle(), document.agency().id())) {
			ExpectedAgencies expected = this.cycles.expectedAgencies(document.cycle());
			String notExpected = "agency \"" + document.agency().id() + "\" is not on the list of agencies expected to return in cycle \""
					+ document.cycle() + "\" (the agencies of " + expected.definedIn() + ")";
			if (expected.unexpected() == UnexpectedAgencies.REJECT) {
				problems.add(new ImportProblem(positions.describe("/agency/id"), null, notExpected
						+ ", and the cycle refuses returns from other agencies (unexpectedAgencies: reject): add the agency to that list"
						+ " and open the cycle again, or check that the return is for this cycle"));
			}
			else {
				warnings.add(notExpected + ": flagged in the register of returns");
			}
		}
		if (!problems.isEmpty()) {
			String cycleId = (document != null) ? document.cycle() : guess(CYCLE_ID, content);
			String agencyId = (document != null) ? document.agency().id() : guess(AGENCY_ID, content);
			this.transaction.executeWithoutResult((status) -> this.submissions.reject(source, sha256(source.getBytes(StandardCharsets.UTF_8)),
					contentHash, cycleId, agencyId, content, problems));
			return new ImportReport.FileResult(source, ImportReport.Outcome.REJECTED, cycleId, agencyId, problems);
		}
		SubmissionDocument accepted = document;
		ImportReport.Outcome outcome = this.transaction.execute((status) -> store(accepted, source, contentHash, content));
		return new ImportReport.FileResult(source, outcome, accepted.cycle(), accepted.agency().id(), List.of(), warnings);
	}

	/** Why a return for a closed cycle is refused, if its cycle is closed. */
	private Optional<String> closedCycle(SubmissionDocument document) {
		return this.cycles.closure(document.cycle()).filter(org.s11evaluator.cycle.CycleClosure::isClosed)
			.map((closed) -> "cycle \"" + document.cycle() + "\" is closed (edition " + closed.latestEdition()
					+ " published); nothing was imported; " + org.s11evaluator.cycle.CycleClosure.howToReopen(document.cycle()));
	}

	private ImportReport.Outcome store(SubmissionDocument doc, String source, String contentHash, String content) {
		this.cycles.registerAgency(doc.agency().id(), doc.agency().name(), doc.agency().sector());
		this.submissions.clearRejections(sha256(source.getBytes(StandardCharsets.UTF_8)));
		Optional<SubmissionRepository.Stored> stored = this.submissions.find(doc.cycle(), doc.agency().id());
		if (stored.isEmpty()) {
			this.submissions.insert(doc, source, contentHash, content);
			return ImportReport.Outcome.IMPORTED;
		}
		if (stored.get().contentHash().equals(contentHash)) {
			return ImportReport.Outcome.UNCHANGED;
		}
		if (SubmissionRepository.utc(doc.submittedAt()).isBefore(stored.get().submittedAt())) {
			return ImportReport.Outcome.OLDER;
		}
		this.submissions.replace(stored.get().id(), doc, source, contentHash, content);
		return ImportReport.Outcome.REPLACED;
	}

	/**
	 * Whether a folder's file is for a converter: one it reads, and the workbook formats it refuses with a reason
	 * (macro-enabled, the old binary format), so that none is skipped in silence. Office's lock files ({@code ~$name.xlsx},
	 * left while a workbook is open) are not returns.
	 */
	private boolean converted(Path file) {
		String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		return !name.startsWith("~$") && converter(file).isPresent();
	}

	private List<Path> files(List<Path> paths) {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter((p) -> Files.isRegularFile(p) && (p.getFileName().toString().endsWith(".json") || converted(p)))
						.sorted()
						.forEach(files::add);
				}
				catch (IOException ex) {
					throw new IllegalArgumentException("Cannot read folder " + path + ": " + ex.getMessage(), ex);
				}
			}
			else {
				files.add(path);
			}
		}
		return files;
	}

	/** Jackson names its input source in messages; an officer needs only the line and column. */
	static String plain(String message) {
		return JACKSON_SOURCE.matcher(message).replaceAll("line $1, column $2").lines().findFirst().orElse(message);
	}

	private static String megabytes(long bytes) {
		long mb = bytes / (1024 * 1024);
		return (mb > 0) ? mb + " MB" : String.format("%,d bytes", bytes);
	}

	private static String guess(Pattern pattern, String content) {
		Matcher matcher = pattern.matcher(content);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String sha256(byte[] bytes) {
		return ContentHash.of(bytes);
	}

}
