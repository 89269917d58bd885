package org.s11evaluator.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.s11evaluator.evaluation.EvaluationResults;
import org.s11evaluator.rules.ItemIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a cycle's stored results. */
@Component
public class CycleResultsQuery {

	private final JdbcClient jdbc;

	private final EvaluationResults evaluationResults;

	CycleResultsQuery(JdbcClient jdbc, EvaluationResults evaluationResults) {
		this.jdbc = jdbc;
		this.evaluationResults = evaluationResults;
	}

	public CycleResults load(String cycleId) {
		record Header(String id, String title, String partnershipId, String partnershipName, String packId, LocalDate returnDeadline) {
		}
		Header cycle = this.jdbc.sql("""
				select c.id, c.title, c.partnership_id, p.name as partnership_name, c.pack_id, c.return_deadline
				from audit_cycle c join partnership p on p.id = c.partnership_id where c.id = ?""")
			.param(cycleId)
			.query(Header.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		int expected = this.jdbc.sql("select count(*) from cycle_agency where cycle_id = ?").param(cycleId).query(Integer.class).single();
		Map<Long, EvaluationResults.ReturnResults> stored = this.evaluationResults.explained(cycleId);
		EvaluationResults.ReturnResults none = new EvaluationResults.ReturnResults(List.of(), List.of(), List.of(), List.of());
		List<CycleResults.AgencyResult> agencies = this.jdbc.sql("""
				select s.id, s.agency_id, a.name, exists(select 1 from cycle_agency ca where ca.cycle_id = s.cycle_id and ca.agency_id = s.agency_id),
				  s.completed_by_name, s.completed_by_role, s.submitted_at, s.version, e.status, e.pack_version, e.evaluated_at, e.failure
				from submission s join agency a on a.id = s.agency_id left join evaluation e on e.submission_id = s.id
				where s.cycle_id = ? order by a.name""")
			.param(cycleId)
			.query((rs, i) -> {
				long id = rs.getLong(1);
				return new CycleResults.AgencyResult(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
						rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getInt(8),
						(rs.getString(9) != null) ? rs.getString(9) : "NOT_EVALUATED", rs.getString(10),
						rs.getObject(11, LocalDateTime.class), rs.getString(12),
						sorted(standards(stored.getOrDefault(id, none)), CycleResults.Rating::standardId),
						sorted(findings(stored.getOrDefault(id, none)), (f) -> (f.itemId() != null) ? f.itemId() : f.standardId()),
						sorted(followUps(stored.getOrDefault(id, none)), CycleResults.FollowUp::itemId));
			})
			.list();
		List<CycleResults.NotReturned> notReturned = this.jdbc.sql("""
				select a.id as agency_id, a.name as agency_name from cycle_agency ca join agency a on a.id = ca.agency_id
				where ca.cycle_id = ? and not exists (select 1 from submission s where s.cycle_id = ca.cycle_id and s.agency_id = ca.agency_id)
				order by a.name""")
			.param(cycleId)
			.query(CycleResults.NotReturned.class)
			.list();
		List<CycleResults.Rejected> rejected = this.jdbc.sql("""
				select r.id, r.source, r.agency_id, r.received_at from rejected_submission r where r.cycle_id = ? order by r.source""")
			.param(cycleId)
			.query((rs, i) -> new CycleResults.Rejected(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class),
					reasons(rs.getLong(1))))
			.list();
		return new CycleResults(cycle.id(), cycle.title(), cycle.partnershipId(), cycle.partnershipName(), cycle.packId(), cycle.returnDeadline(),
				expected, agencies, notReturned, rejected);
	}

	private List<String> reasons(long rejectedId) {
		return this.jdbc.sql("select location, item_id, message from rejection_reason where rejected_submission_id = ? order by position")
			.param(rejectedId)
			.query((rs, i) -> rs.getString(1) + ((rs.getString(2) != null) ? " (item " + rs.getString(2) + ")" : "") + ": " + rs.getString(3))
			.list();
	}

	private static <T> List<T> sorted(List<T> rows, java.util.function.Function<T, String> id) {
		List<T> copy = new ArrayList<>(rows);
		copy.sort(Comparator.comparing((T row) -> ItemIds.sortKey(id.apply(row))));
		return copy;
	}

	private static List<CycleResults.Rating> standards(EvaluationResults.ReturnResults results) {
		return results.standards().stream().map((r) -> new CycleResults.Rating(r.standardId(), r.rag(), r.reason(), r.rule(), r.inputs())).toList();
	}

	private static List<CycleResults.Result> findings(EvaluationResults.ReturnResults results) {
		return results.findings().stream()
			.map((f) -> new CycleResults.Result(f.code(), f.itemId(), f.standardId(), f.message(), f.rule(), f.inputs()))
			.toList();
	}

	private static List<CycleResults.FollowUp> followUps(EvaluationResults.ReturnResults results) {
		return results.followUps().stream()
			.map((a) -> new CycleResults.FollowUp(a.itemId(), a.standardId(), a.owner(), a.due(), a.action(), a.reason(), a.rule(), a.inputs()))
			.toList();
	}

}
