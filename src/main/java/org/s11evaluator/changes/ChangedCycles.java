package org.s11evaluator.changes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleInputTexts;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.files.ContentHash;
import org.s11evaluator.rules.RulePacks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which cycles in a run's scope need rating and summarising again: those whose inputs changed since their
 * summary was last made. The inputs' fingerprint covers the cycle's own details, register and groups and its
 * agencies' names ({@link CycleInputTexts}), what each module that holds an input says of it ({@link CycleInputs}:
 * the returns and rejected files, their evaluations and failures, what is overdue or done as of the day, the latest
 * moderated rating, the staff survey's import), the rule packs' and the report template's versions, and the previous
 * cycle's latest published edition or, while it has none, its evaluations (the "progress since" section). Each module
 * reads its own tables, for all the open cycles in scope at once (closed cycles are never summarised again, and only
 * the cycle just before each one counts), so a night with nothing new decides that in a few queries, without rebuilding
 * any report to find out, however many years of history there are. The fingerprints are kept by the summaries'
 * module ({@link SummaryFingerprints}).
 */
@Component
public class ChangedCycles {

	/** The summary step's context key: how many cycles' inputs its change detection read. */
	public static final String CYCLES_READ = "summaries.cyclesRead";

	/** How a cycle's inputs end when it has no cycle before it. */
	private static final String NO_PREVIOUS = "|previous none";

	private static final String TEMPLATE_VERSION = sha256(resource("/templates/summary.html"));

	private final CycleManagement cycles;

	private final CycleInputTexts cycleInputs;

	private final RulePacks packs;

	private final ObjectProvider<CycleInputs> otherInputs;

	private final SummaryFingerprints fingerprints;

	ChangedCycles(CycleManagement cycles, CycleInputTexts cycleInputs, RulePacks packs, ObjectProvider<CycleInputs> otherInputs,
			SummaryFingerprints fingerprints) {
		this.cycles = cycles;
		this.cycleInputs = cycleInputs;
		this.packs = packs;
		this.otherInputs = otherInputs;
		this.fingerprints = fingerprints;
	}

	/** A cycle whose summary inputs changed, with the fingerprint to record once its summary is made. */
	public record Changed(Cycle cycle, String fingerprint) {
	}

	/** The cycles in scope ({@code *} or a cycle id) whose inputs changed since their last summary. */
	public List<Changed> inScope(String scope, LocalDate asOf) {
		return inScope(scope, asOf, (cycleId) -> true);
	}

	/**
	 * The cycles in scope whose inputs changed since their last summary, or whose summary on disk cannot be
	 * trusted ({@code intactOnDisk} says no: files missing, emptied or not matching their manifest), so that a
	 * summary damaged by a kill, a full disk or a hand is written again although nothing else changed.
	 */
	public List<Changed> inScope(String scope, LocalDate asOf, Predicate<String> intactOnDisk) {
		return consider(scope, asOf, intactOnDisk).changed();
	}

	/**
	 * What a run's change detection did: the cycles whose summaries are to be made again, and how many cycles it read
	 * the inputs of (those in scope, open, with the one before each of them for "progress since"): a measure of its
	 * cost that does not grow with the years of closed cycles behind them.
	 */
	public record Considered(List<Changed> changed, int cyclesRead) {
	}

	/** As {@link #inScope(String, LocalDate, Predicate)}, saying how many cycles' inputs it read. */
	public Considered consider(String scope, LocalDate asOf, Predicate<String> intactOnDisk) {
		return consider(scope, asOf, intactOnDisk, null);
	}

	/** The inputs last read for a run: its rating step's, for its summary step to use again. */
	private record ReadForRun(long jobExecutionId, List<String> ids, LocalDate asOf, Map<String, String> inputs) {
	}

	private volatile ReadForRun lastRead;

	/**
	 * The cycles in scope, for a step of run {@code jobExecutionId}: the inputs are read once per run (the ratings'
	 * step reads them, the summaries' step uses them again: rating a cycle changes none of its inputs). Should a return
	 * change in between, the fingerprint recorded is the older one, so the next run summarises that cycle again: work
	 * done twice at worst, never a change missed. Only the last run's inputs are kept.
	 */
	public Considered consider(String scope, LocalDate asOf, Predicate<String> intactOnDisk, Long jobExecutionId) {
		List<Cycle> inScope = this.cycles.inScope(scope);
		if (inScope.isEmpty()) {
			return new Considered(List.of(), 0);
		}
		List<String> ids = inScope.stream().map(Cycle::id).toList();
		ReadForRun last = this.lastRead;
		Map<String, String> inputs;
		if (jobExecutionId != null && last != null && last.jobExecutionId() == jobExecutionId && last.ids().equals(ids)
				&& last.asOf().equals(asOf)) {
			inputs = last.inputs();
		}
		else {
			inputs = inputs(inScope, asOf);
			this.lastRead = (jobExecutionId != null) ? new ReadForRun(jobExecutionId, ids, asOf, inputs) : null;
		}
		Map<String, String> recorded = this.fingerprints.recorded(ids);
		List<Changed> changed = inScope.stream()
			.map((cycle) -> new Changed(cycle, sha256(inputs.getOrDefault(cycle.id(), "") + "|template " + TEMPLATE_VERSION)))
			.filter((c) -> !c.fingerprint().equals(recorded.get(c.cycle().id())) || !intactOnDisk.test(c.cycle().id()))
			.toList();
		int previous = (int) inputs.values().stream().filter((text) -> !text.endsWith(NO_PREVIOUS)).count();
		return new Considered(changed, ids.size() + previous);
	}

	/** Records that the cycle's summary reflects these inputs (called once it is written or found unchanged). */
	public void summarised(Changed changed) {
		this.fingerprints.record(changed.cycle().id(), changed.fingerprint());
	}

	/**
	 * The inputs of the cycles given, as text: the cycle's own records (the cycle module's), then each other module's
	 * ({@link CycleInputs}, in their order), then the versions of the packs its returns are judged by, then the cycle
	 * just before it and what its summary reads of that one (its latest published edition, or while it has none, the
	 * other modules' {@link CycleInputs#ofEarlier}). The text has {@value #NO_PREVIOUS} at the end when there is none.
	 */
	private Map<String, String> inputs(List<Cycle> inScope, LocalDate asOf) {
		List<String> ids = inScope.stream().map(Cycle::id).toList();
		Map<String, String> mainPacks = new HashMap<>();
		inScope.forEach((cycle) -> mainPacks.put(cycle.id(), cycle.packId()));
		Map<String, CycleInputTexts.Input> own = this.cycleInputs.of(ids);
		List<Map<String, String>> others = this.otherInputs.orderedStream().map((kind) -> kind.of(ids, asOf)).toList();
		List<String> earlierIds = own.values().stream().map(CycleInputTexts.Input::previous)
			.filter((p) -> p != null && p.latestEdition() == null).map(CycleInputTexts.Previous::id).distinct().toList();
		List<Map<String, String>> earlier = earlierIds.isEmpty() ? List.of()
				: this.otherInputs.orderedStream().map((kind) -> kind.ofEarlier(earlierIds)).toList();
		Map<String, String> packVersions = new HashMap<>();
		Map<String, String> inputs = new HashMap<>();
		own.forEach((id, cycle) -> {
			StringBuilder text = new StringBuilder(cycle.text()).append(others(id, others)).append("|pack ")
				.append(packVersions.computeIfAbsent(mainPacks.get(id), this.packs::currentVersion));
			cycle.groupPackIds().forEach((pack) -> text.append("|group pack ").append(packVersions.computeIfAbsent(pack, this.packs::currentVersion)));
			if (cycle.previous() == null) {
				text.append(NO_PREVIOUS);
			}
			else {
				text.append("|previous ").append(cycle.previous().text());
				if (cycle.previous().latestEdition() == null) {
					text.append(others(cycle.previous().id(), earlier));
				}
			}
			inputs.put(id, text.toString());
		});
		return inputs;
	}

	/** What the other modules' inputs of the cycle ({@link CycleInputs}) hold, each as {@code |text}, in a fixed order. */
	private static String others(String cycleId, List<Map<String, String>> others) {
		StringBuilder text = new StringBuilder();
		others.forEach((of) -> {
			String value = of.get(cycleId);
			if (value != null) {
				text.append('|').append(value);
			}
		});
		return text.toString();
	}

	private static byte[] resource(String name) {
		try (InputStream in = ChangedCycles.class.getResourceAsStream(name)) {
			return (in != null) ? in.readAllBytes() : new byte[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(byte[] bytes) {
		return ContentHash.of(bytes);
	}

}
