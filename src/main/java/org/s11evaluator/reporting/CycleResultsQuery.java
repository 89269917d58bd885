package org.s11evaluator.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.rules.ItemIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a cycle's stored results. */
@Component
public class CycleResultsQuery {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	CycleResultsQuery(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
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
		Map<Long, List<CycleResults.Rating>> standards = this.jdbc.sql("""
				select r.submission_id, r.standard_id, r.rag, r.reason, r.rule_name, r.inputs
				from standard_rating r join submission s on s.id = r.submission_id where s.cycle_id = ? order by 1, 2""")
			.param(cycleId)
			.query((rs, i) -> Map.entry(rs.getLong(1), new CycleResults.Rating(rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), strings(rs.getString(6)))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<Long, List<CycleResults.Result>> findings = this.jdbc.sql("""
				select f.submission_id, f.code, f.item_id, f.standard_id, f.message, f.rule_name, f.inputs
				from finding f join submission s on s.id = f.submission_id where s.cycle_id = ? order by 1, 2""")
			.param(cycleId)
			.query((rs, i) -> Map.entry(rs.getLong(1), new CycleResults.Result(rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), strings(rs.getString(7)))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<Long, List<CycleResults.FollowUp>> followUps = this.jdbc.sql("""
				select a.submission_id, a.item_id, a.standard_id, a.owner, a.due_date, a.action_text, a.reason, a.rule_name, a.inputs
				from follow_up_action a join submission s on s.id = a.submission_id where s.cycle_id = ? order by 1, 2""")
			.param(cycleId)
			.query((rs, i) -> Map.entry(rs.getLong(1), new CycleResults.FollowUp(rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8), strings(rs.getString(9)))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
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
						sorted(standards.getOrDefault(id, List.of()), CycleResults.Rating::standardId),
						sorted(findings.getOrDefault(id, List.of()), (f) -> (f.itemId() != null) ? f.itemId() : f.standardId()),
						sorted(followUps.getOrDefault(id, List.of()), CycleResults.FollowUp::itemId));
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

	private List<String> strings(String text) {
		try {
			return this.json.readValue(text, STRINGS);
		}
		catch (JsonProcessingException ex) {
			return List.of(text);
		}
	}

}
