package org.s11evaluator.simulation;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.s11evaluator.evaluation.EvaluationResults;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;


/** Reads a cycle's stored results as a {@link ResultSnapshot}. */
@Component
public class ResultSnapshots {

	private final JdbcTemplate jdbc;

	private final EvaluationResults results;

	ResultSnapshots(JdbcTemplate jdbc, EvaluationResults results) {
		this.jdbc = jdbc;
		this.results = results;
	}

	public ResultSnapshot load(String cycleId) {
		Map<Long, String> agencyOf = new TreeMap<>();
		Map<String, ResultSnapshot.Agency> agencies = new TreeMap<>();
		each("""
				select s.id, s.agency_id, a.name from submission s join agency a on a.id = s.agency_id
				join evaluation e on e.submission_id = s.id where s.cycle_id = ? and e.pack_version is not null""", (rs) -> {
			agencyOf.put(rs.getLong(1), rs.getString(2));
			agencies.put(rs.getString(2), new ResultSnapshot.Agency(rs.getString(3), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
					new TreeMap<>()));
		}, cycleId);
		this.results.ratings(cycleId).forEach((submission, ratings) -> {
			ResultSnapshot.Agency agency = agency(agencies, agencyOf, submission);
			agency.items().putAll(ratings.items());
			agency.standards().putAll(ratings.standards());
		});
		each("""
				select f.submission_id, f.code, f.item_id, f.standard_id, f.message from finding f join submission s on s.id = f.submission_id
				where s.cycle_id = ?""", (rs) -> agency(agencies, agencyOf, rs.getLong(1)).findings()
			.merge(ResultSnapshot.findingKey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), 1, Integer::sum), cycleId);
		each("""
				select f.submission_id, f.item_id, f.standard_id, f.due_date, f.owner, f.action_text from follow_up_action f
				join submission s on s.id = f.submission_id where s.cycle_id = ?""", (rs) -> agency(agencies, agencyOf, rs.getLong(1)).followUps()
			.merge(ResultSnapshot.subject(rs.getString(2), rs.getString(3)),
					ResultSnapshot.followUp(rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)), (x, y) -> x + " | " + y), cycleId);
		Map<String, String> partnership = new TreeMap<>();
		each("select item_id, standard_id, rag from partnership_rating where cycle_id = ? and group_id = ''",
				(rs) -> partnership.put(ResultSnapshot.subject(rs.getString(1), rs.getString(2)), rs.getString(3)), cycleId);
		return new ResultSnapshot(agencies, partnership);
	}

	private void each(String sql, RowCallbackHandler handler, String cycleId) {
		this.jdbc.query(sql, handler, cycleId);
	}

	private static ResultSnapshot.Agency agency(Map<String, ResultSnapshot.Agency> agencies, Map<Long, String> agencyOf, long submission) {
		return agencies.get(agencyOf.get(submission));
	}

}
