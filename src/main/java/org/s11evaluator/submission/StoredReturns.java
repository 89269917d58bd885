package org.s11evaluator.submission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules ask of the stored returns' tables ({@code submission}, {@code rejected_submission}), in as few
 * queries as the question allows: a list of ids is answered in one query per thousand, never one per row.
 */
@Component
public class StoredReturns {

	static final int IDS_PER_QUERY = 1000;

	/** A cycle's current return: its submission id and the agency that sent it. */
	public record CycleReturn(long id, String agencyId) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	StoredReturns(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The cycle's current returns, in the order they were first stored (by submission id). */
	public List<CycleReturn> inCycle(String cycleId) {
		return this.jdbc.query("select id, agency_id from submission where cycle_id = :cycle order by id", Map.of("cycle", cycleId),
				(rs, i) -> new CycleReturn(rs.getLong(1), rs.getString(2)));
	}

	/** The cycle of each return given, by submission id; an id with no stored return is left out. */
	public Map<Long, String> cyclesOf(Collection<Long> submissionIds) {
		Map<Long, String> cycles = new HashMap<>();
		List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(submissionIds));
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			this.jdbc.query("select id, cycle_id from submission where id in (:ids)",
					Map.of("ids", ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size()))),
					(RowCallbackHandler) (rs) -> cycles.put(rs.getLong(1), rs.getString(2)));
		}
		return cycles;
	}

	/** How many rejected files are recorded for the cycles given (none for no cycles). */
	public int rejectedFiles(Collection<String> cycleIds) {
		List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(cycleIds));
		int count = 0;
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			Integer part = this.jdbc.queryForObject("select count(*) from rejected_submission where cycle_id in (:ids)",
					Map.of("ids", ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size()))), Integer.class);
			count += (part != null) ? part : 0;
		}
		return count;
	}

	/**
	 * Locks the returns' rows ({@code for update}) on the caller's connection, so inside the caller's transaction (a
	 * writer's chunk), and gives the current version of each, by submission id; an id with no stored return is left out.
	 * A return cannot be corrected while the lock is held, and one corrected since its version was read shows here.
	 */
	public static Map<Long, Integer> lockCurrentVersions(org.springframework.jdbc.core.JdbcTemplate callers, Collection<Long> submissionIds) {
		Map<Long, Integer> versions = new HashMap<>();
		if (submissionIds.isEmpty()) {
			return versions;
		}
		new NamedParameterJdbcTemplate(callers).query("select id, version from submission where id in (:ids) for update",
				Map.of("ids", List.copyOf(submissionIds)), (RowCallbackHandler) (rs) -> versions.put(rs.getLong(1), rs.getInt(2)));
		return versions;
	}

	/** A cycle's current return as the register of returns lists it. */
	public record ReturnDetails(long id, String agencyId, String completedBy, String role, java.time.LocalDateTime submittedAt, int version) {
	}

	/** The cycle's current returns, by submission id. */
	public List<ReturnDetails> detailsInCycle(String cycleId) {
		return this.jdbc.query("""
				select id, agency_id, completed_by_name, completed_by_role, submitted_at, version from submission
				where cycle_id = :cycle order by id""", Map.of("cycle", cycleId),
				(rs, i) -> new ReturnDetails(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, java.time.LocalDateTime.class), rs.getInt(6)));
	}

	/** A file recorded as rejected, with its reasons in order, each "location (item id): message". */
	public record RejectedFile(String source, String agencyId, java.time.LocalDateTime receivedAt, List<String> reasons) {
	}

	/** The files rejected for the cycle, ordered by source: two queries, whatever their number. */
	public List<RejectedFile> rejectedIn(String cycleId) {
		record Row(long id, String source, String agencyId, java.time.LocalDateTime receivedAt) {
		}
		Map<String, Object> cycle = Map.of("cycle", cycleId);
		List<Row> rows = this.jdbc.query("select id, source, agency_id, received_at from rejected_submission where cycle_id = :cycle order by source",
				cycle, (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, java.time.LocalDateTime.class)));
		Map<Long, List<String>> reasons = new HashMap<>();
		if (!rows.isEmpty()) {
			this.jdbc.query("""
					select rr.rejected_submission_id, rr.location, rr.item_id, rr.message from rejection_reason rr
					join rejected_submission r on r.id = rr.rejected_submission_id where r.cycle_id = :cycle
					order by rr.rejected_submission_id, rr.position""", cycle,
					(RowCallbackHandler) (rs) -> reasons.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
						.add(rs.getString(2) + ((rs.getString(3) != null) ? " (item " + rs.getString(3) + ")" : "") + ": " + rs.getString(4)));
		}
		return rows.stream().map((r) -> new RejectedFile(r.source(), r.agencyId(), r.receivedAt(), reasons.getOrDefault(r.id(), List.of()))).toList();
	}


	/** A return's evaluation as the evaluation module wrote it: at which version of the return, by which pack version. */
	public record Evaluated(long id, int version, String packVersion) {
	}

	/**
	 * Records, on the caller's connection (inside the caller's transaction: a writer's chunk, whose evaluation rows it
	 * mirrors), that the returns were evaluated; what the run's scope and the counts of returns awaiting evaluation read.
	 * One statement for all the returns at the same version evaluated by the same pack version (a chunk's returns
	 * usually are), a thousand ids at most: a batch of one update per return costs the server a statement each and the
	 * driver a multi-statement round trip with two more to switch multi-statements on and off.
	 */
	public static void recordEvaluated(org.springframework.jdbc.core.JdbcTemplate callers, List<Evaluated> evaluated) {
		record State(int version, String packVersion) {
		}
		Map<State, List<Long>> byState = new java.util.LinkedHashMap<>();
		evaluated.forEach((e) -> byState.computeIfAbsent(new State(e.version(), e.packVersion()), (state) -> new ArrayList<>()).add(e.id()));
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(callers);
		byState.forEach((state, ids) -> {
			for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
				Map<String, Object> parameters = new HashMap<>();
				parameters.put("version", state.version());
				parameters.put("packVersion", state.packVersion());
				parameters.put("ids", ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size())));
				named.update("""
						update submission set evaluation_status = 'EVALUATED', evaluated_version = :version, evaluated_pack_version = :packVersion
						where id in (:ids)""", parameters);
			}
		});
	}

	/**
	 * Records, on the caller's connection, that the return could not be evaluated: the version and pack version of its
	 * last good results, if any, stay.
	 */
	public static void recordFailed(org.springframework.jdbc.core.JdbcTemplate callers, long submissionId) {
		callers.update("update submission set evaluation_status = 'FAILED' where id = ?", submissionId);
	}

	/**
	 * How many of the cycles' returns have no results for their current version: new, corrected since, or never
	 * evaluated successfully (none for no cycles).
	 */
	public long withoutCurrentResults(Collection<String> cycleIds) {
		return count(cycleIds, "evaluated_version is null or evaluated_version <> version");
	}

	/**
	 * How many of the cycles' returns were never evaluated, or were evaluated at an earlier version, leaving aside
	 * those whose latest evaluation failed (a broken pack, which another run would not mend).
	 */
	public long unevaluatedLeavingFailures(Collection<String> cycleIds) {
		return count(cycleIds, "evaluation_status is null or (evaluation_status = 'EVALUATED' and evaluated_version <> version)");
	}

	private long count(Collection<String> cycleIds, String condition) {
		List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(cycleIds));
		long count = 0;
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			Long part = this.jdbc.queryForObject("select count(*) from submission where cycle_id in (:ids) and (" + condition + ")",
					Map.of("ids", ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size()))), Long.class);
			count += (part != null) ? part : 0;
		}
		return count;
	}

	/** A cycle's current return with what the cycle groups it by: its agency and the pack (template) it is judged by. */
	public record JudgedReturn(long id, String agencyId, String packId) {
	}

	/** The cycle's current returns with the pack each is judged by, in the order they were first stored. */
	public List<JudgedReturn> judgedInCycle(String cycleId) {
		return this.jdbc.query("select id, agency_id, pack_id from submission where cycle_id = :cycle order by id", Map.of("cycle", cycleId),
				(rs, i) -> new JudgedReturn(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	/** A cycle's current return as its final evaluation is checked: who sent it, from which file, at which version, judged by which pack. */
	public record ReturnVersion(long id, String agencyId, String source, int version, String packId) {
	}

	/** The cycle's current returns with their versions, by agency id. */
	public List<ReturnVersion> versionsInCycle(String cycleId) {
		return this.jdbc.query("select id, agency_id, source, version, pack_id from submission where cycle_id = :cycle order by agency_id",
				Map.of("cycle", cycleId), (rs, i) -> new ReturnVersion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
	}

}
