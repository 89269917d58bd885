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
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.files.ContentHash;
import org.s11evaluator.rules.RulePacks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which cycles in a run's scope need rating and summarising again: those whose inputs changed since their
 * summary was last made. The inputs' fingerprint covers the returns, their evaluations and failures, rejected
 * files, the register and agencies' names, the cycle's own details, the rule pack's and the report template's
 * versions, the previous cycle's latest published edition or, while it has none, its evaluations (the "progress
 * since" section), what is overdue or done as of the day, the latest moderated rating and the staff survey's import. Taken in one query for the open cycles in scope (closed
 * cycles are never summarised again, and only the cycle just before each one counts), so a night with nothing new
 * decides that in milliseconds, without rebuilding any report to find out, however many years of history there are.
 */
@Component
public class ChangedCycles {

	/** The summary step's context key: how many cycles' inputs its change detection read. */
	public static final String CYCLES_READ = "summaries.cyclesRead";

	private static final String TEMPLATE_VERSION = sha256(resource("/templates/summary.html"));

	private final JdbcClient jdbc;

	private final CycleManagement cycles;

	private final RulePacks packs;

	private final ObjectProvider<CycleInputs> otherInputs;

	ChangedCycles(JdbcClient jdbc, CycleManagement cycles, RulePacks packs, ObjectProvider<CycleInputs> otherInputs) {
		this.jdbc = jdbc;
		this.otherInputs = otherInputs;
		this.cycles = cycles;
		this.packs = packs;
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
			inputs = inputs(ids, asOf);
			this.lastRead = (jobExecutionId != null) ? new ReadForRun(jobExecutionId, ids, asOf, inputs) : null;
		}
		Map<String, String> recorded = new HashMap<>();
		this.jdbc.sql("select cycle_id, inputs_fingerprint from cycle_summary where cycle_id in (:ids)")
			.param("ids", ids)
			.query((rs, row) -> recorded.put(rs.getString(1), rs.getString(2)))
			.list();
		Map<String, String> packVersions = new HashMap<>();
		List<Changed> changed = inScope.stream()
			.map((cycle) -> new Changed(cycle, sha256(inputs.getOrDefault(cycle.id(), "") + "|pack "
					+ packVersions.computeIfAbsent(cycle.packId(), this.packs::currentVersion) + groupPacks(cycle.id(), packVersions)
					+ "|template " + TEMPLATE_VERSION)))
			.filter((c) -> !c.fingerprint().equals(recorded.get(c.cycle().id())) || !intactOnDisk.test(c.cycle().id()))
			.toList();
		int previous = (int) inputs.values().stream().filter((text) -> !text.endsWith("|previous ")).count();
		return new Considered(changed, ids.size() + previous);
	}

	/** The groups of a cycle with groups (cycle.yaml templates or partnerships): each with its agencies and its pack's version. */
	private String groupPacks(String cycleId, Map<String, String> packVersions) {
		StringBuilder text = new StringBuilder();
		this.jdbc.sql("""
				select g.group_id, g.pack_id, (select group_concat(a.agency_id order by a.agency_id) from cycle_group_agency a
				  where a.cycle_id = g.cycle_id and a.group_id = g.group_id) from cycle_group g where g.cycle_id = ? order by g.position""")
			.param(cycleId)
			.query((rs) -> {
				text.append("|group ").append(rs.getString(1)).append(':').append(rs.getString(3)).append(" pack ")
					.append(packVersions.computeIfAbsent(rs.getString(2), this.packs::currentVersion));
			});
		return text.toString();
	}

	/** Records that the cycle's summary reflects these inputs (called once it is written or found unchanged). */
	public void summarised(Changed changed) {
		this.jdbc.sql("update cycle_summary set inputs_fingerprint = ? where cycle_id = ?")
			.params(changed.fingerprint(), changed.cycle().id())
			.update();
	}

	/**
	 * The inputs of the cycles given, as text: counts, latest times and checksums of what each summary is made from.
	 * Of the partnership's earlier cycles only the one just before counts (its latest published edition, or while it
	 * has none its evaluations); the text ends with "|previous " when there is none.
	 */
	private Map<String, String> inputs(List<String> ids, LocalDate asOf) {
		Map<String, String> inputs = new HashMap<>();
		List<Map<String, String>> others = this.otherInputs.orderedStream().map((kind) -> kind.of(ids)).toList();
		this.jdbc.sql("""
				select c.id, concat_ws('|', c.title, c.partnership_id, c.pack_id, c.opens_on, c.return_deadline, c.status,
				  (select p.name from partnership p where p.id = c.partnership_id),
				  (select concat_ws(':', count(*), sum(s.version), max(s.imported_at)) from submission s where s.cycle_id = c.id),
				  (select concat_ws(':', count(*), max(e.evaluated_at), max(e.failed_at), sum(e.status = 'FAILED'))
				     from submission s join evaluation e on e.submission_id = s.id where s.cycle_id = c.id),
				  (select concat_ws(':', count(*), max(r.received_at)) from rejected_submission r where r.cycle_id = c.id),
				  (select concat_ws(':', count(*), sum(crc32(concat_ws('/', a.id, a.name, a.sector))))
				     from cycle_agency ca join agency a on a.id = ca.agency_id where ca.cycle_id = c.id),
				  (select concat_ws(':', count(*), sum(crc32(concat_ws('/', a.id, a.name, a.sector))))
				     from submission s join agency a on a.id = s.agency_id where s.cycle_id = c.id),
				  (select sum(f.due_date < :asOf) from submission s join follow_up_action f on f.submission_id = s.id where s.cycle_id = c.id),
				  (select concat_ws(':', sum(x.due_date < :asOf), sum(x.completed_on <= :asOf))
				     from submission s join agency_action x on x.submission_id = s.id where s.cycle_id = c.id)),
				  (select concat_ws(':', p.id, p.status, p.latest_edition, case when p.latest_edition is null then
				      (select concat_ws(':', count(*), max(e.evaluated_at)) from submission s join evaluation e on e.submission_id = s.id
				       where s.cycle_id = p.id) end)
				     from audit_cycle p where p.partnership_id = c.partnership_id and p.opens_on < c.opens_on
				     order by p.opens_on desc limit 1)
				from audit_cycle c where c.id in (:ids)""")
			.param("ids", ids)
			.param("asOf", asOf)
			.query((rs, row) -> inputs.put(rs.getString(1), rs.getString(2) + others(rs.getString(1), others) + "|previous "
					+ ((rs.getString(3) != null) ? rs.getString(3) : "")))
			.list();
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
