package org.s11evaluator.survey;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleClosure;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.evaluation.EvaluationResults;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.PublishedPacks;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a cycle's staff survey from a survey tool's CSV export: counts per agency and question replace the cycle's
 * earlier survey in one transaction (a bad file changes nothing), go on the cycle's audit trail, and the pack's challenge
 * rules are run on them at once.
 */
@Service
public class SurveyImport {

	/** What an import did, in numbers: nothing of a single respondent. */
	public record Imported(String cycleId, String format, int respondentRows, int agencies, int questions, List<String> leftOut,
			List<ChallengeFlag> flags) {
	}

	private final SurveyStore store;

	private final CycleManagement cycles;

	private final PublishedPacks packs;

	private final RulePacks folders;

	private final EvaluationResults results;

	private final ChallengeFlags challenge;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SurveyImport(SurveyStore store, CycleManagement cycles, PublishedPacks packs, RulePacks folders, EvaluationResults results,
			ChallengeFlags challenge, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
		this.store = store;
		this.cycles = cycles;
		this.packs = packs;
		this.folders = folders;
		this.results = results;
		this.challenge = challenge;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	public Imported importFile(String cycleId, Path file) {
		Cycle cycle = this.cycles.find(cycleId).orElseThrow(() -> new SurveyImportException(List.of("There is no audit cycle '" + cycleId + "'.")));
		this.cycles.closure(cycleId).filter(CycleClosure::isClosed).ifPresent((closed) -> {
			throw new SurveyImportException(List.of("Cycle " + cycleId + " is closed (edition " + closed.latestEdition() + " published): its "
					+ "record is final and no survey is imported into it; " + CycleClosure.howToReopen(cycleId)));
		});
		RulePackCompiler.CompiledPack pack = this.packs.usable(cycle.packId());
		SurveyMapping mapping = SurveyMapping.of(this.folders.folder(cycle.packId())).orElseThrow(() -> new SurveyImportException(List.of(
				"The rule pack " + cycle.packId() + " maps no staff survey to its items: it has no " + SurveyMapping.FILE
						+ " (see rules/README.md, 'A staff survey beside the returns').")));
		checkMapping(mapping, pack.pack().framework(), cycle.packId());
		String name = file.getFileName().toString();
		SurveyReading.Read read = new SurveyReading(name, mapping, agencies(cycleId)).read(text(file, name));
		int agencies = (int) read.counts().stream().map(SurveyCount::agencyId).distinct().count();
		int questions = (int) read.counts().stream().map(SurveyCount::questionId).distinct().count();
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.transaction.executeWithoutResult((status) -> {
			this.store.replace(new SurveyStore.Imported(cycleId, now, name, read.format(), String.join("\n", read.leftOut()),
					pack.pack().version()), read.counts());
			this.audit.record(cycleId, AuditAction.SURVEY_IMPORTED, name, "counts for " + agencies + " agenc" + ((agencies == 1) ? "y" : "ies")
					+ " and " + questions + " question" + ((questions == 1) ? "" : "s") + " (" + ("counts".equals(read.format()) ? "a file of counts"
							: "a file of one row per respondent; only the counts are kept") + ")"
					+ (read.leftOut().isEmpty() ? "" : "; columns left out unread: " + String.join(", ", read.leftOut())), null);
		});
		return new Imported(cycleId, read.format(), read.respondentRows(), agencies, questions, read.leftOut(), this.challenge.derive(cycleId));
	}

	/** Every agency of the cycle, expected or with a return, by its id and by its name, normalised. */
	private Map<String, String> agencies(String cycleId) {
		Map<String, String> agencies = new HashMap<>();
		this.cycles.agencies(cycleId).forEach((a) -> {
			agencies.put(SurveyMapping.normal(a.id()), a.id());
			agencies.put(SurveyMapping.normal(a.name()), a.id());
		});
		this.results.agencies(cycleId).values().forEach((id) -> agencies.putIfAbsent(SurveyMapping.normal(id), id));
		return agencies;
	}

	private static void checkMapping(SurveyMapping mapping, Framework framework, String packId) {
		for (SurveyMapping.Question q : mapping.questions()) {
			if (q.id() == null || q.item() == null || !framework.itemsById().containsKey(q.item())) {
				throw new SurveyImportException(List.of(packId + "/" + SurveyMapping.FILE + ": question " + q.id() + " maps to item \"" + q.item()
						+ "\", which is not in the pack's framework"));
			}
		}
	}

	private static String text(Path file, String name) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
		}
		catch (CharacterCodingException ex) {
			throw new SurveyImportException(List.of(name + ": the file is not UTF-8 text; export the survey as CSV in UTF-8"));
		}
		catch (IOException ex) {
			throw new SurveyImportException(List.of(name + ": cannot be read (" + ex.getMessage() + ")"));
		}
	}

}
