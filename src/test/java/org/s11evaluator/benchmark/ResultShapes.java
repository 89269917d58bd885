package org.s11evaluator.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shape of what the rules wrote, for the read-and-write floor: how many findings and follow-up actions each
 * return got, one real row of each kind whose texts stand in for all the others (same columns, same sizes), and
 * per rule pack one real ratings document, written as each of its returns' evaluation row, as the evaluator
 * stores them (the lean schema: one evaluation row with its ratings, a row per finding and per follow-up action).
 */
final class ResultShapes {

	private final Map<Long, int[]> extras; // findings, follow-ups per return

	private final Map<String, String> ratings; // a real ratings document per pack

	private final String[] finding;      // code, message, rule, inputs

	private final String[] followUp;     // owner, action, reason, rule, inputs

	private final String packVersion;

	private ResultShapes(Map<Long, int[]> extras, Map<String, String> ratings, String[] finding, String[] followUp, String packVersion) {
		this.extras = extras;
		this.ratings = ratings;
		this.finding = finding;
		this.followUp = followUp;
		this.packVersion = packVersion;
	}

	static ResultShapes of(JdbcTemplate jdbc) {
		Map<Long, int[]> extras = new HashMap<>();
		jdbc.query("select submission_id, count(*) from finding group by submission_id",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> extras.computeIfAbsent(rs.getLong(1), (id) -> new int[2])[0] = rs.getInt(2));
		jdbc.query("select submission_id, count(*) from follow_up_action group by submission_id",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> extras.computeIfAbsent(rs.getLong(1), (id) -> new int[2])[1] = rs.getInt(2));
		Map<String, String> ratings = new HashMap<>();
		jdbc.query("""
				select e.pack_id, e.ratings from evaluation e
				where e.submission_id in (select min(submission_id) from evaluation where ratings is not null group by pack_id)""",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> ratings.put(rs.getString(1), rs.getString(2)));
		return new ResultShapes(extras, ratings,
				row(jdbc, "select code, message, rule_name, inputs from finding limit 1", 4),
				row(jdbc, "select owner, action_text, reason, rule_name, inputs from follow_up_action limit 1", 5),
				jdbc.queryForObject("select pack_version from evaluation limit 1", String.class));
	}

	private static String[] row(JdbcTemplate jdbc, String sql, int columns) {
		List<String[]> rows = jdbc.query(sql, (rs, i) -> {
			String[] values = new String[columns];
			for (int c = 0; c < columns; c++) {
				values[c] = rs.getString(c + 1);
			}
			return values;
		});
		return rows.isEmpty() ? new String[columns] : rows.get(0);
	}

	/** A return read by the floor: its id, version and pack. */
	record Read(long id, int version, String packId) {
	}

	/**
	 * Writes a chunk's worth of results in the evaluator's own shape, one JDBC batch per table: per return its
	 * evaluation row with a ratings document (its pack's real one), and a row per finding and per follow-up action;
	 * with {@code onReturns}, also what the returns' own rows hold of their evaluation, as the evaluator records it
	 * in the same transaction (one update of the chunk's returns, into the scratch copy of the returns' table).
	 */
	void write(Connection connection, List<Read> page, boolean onReturns) throws SQLException {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		try (PreparedStatement findings = connection.prepareStatement("""
				insert into floor_finding (submission_id, code, item_id, standard_id, message, rule_name, inputs)
				values (?, ?, ?, ?, ?, ?, ?)""");
				PreparedStatement followUps = connection.prepareStatement("""
						insert into floor_follow_up_action (submission_id, item_id, standard_id, owner, due_date, action_text, reason, rule_name,
						  inputs) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
				PreparedStatement evaluations = connection.prepareStatement("""
						insert into floor_evaluation (submission_id, status, submission_version, pack_id, pack_version, evaluated_at, job_execution_id,
						  ratings) values (?, 'EVALUATED', ?, ?, ?, ?, 0, ?)
						on duplicate key update status = 'EVALUATED', submission_version = values(submission_version), ratings = values(ratings)""")) {
			for (Read submission : page) {
				long id = submission.id();
				int[] extra = this.extras.getOrDefault(id, new int[2]);
				for (int i = 0; i < extra[0]; i++) {
					findings.setLong(1, id);
					findings.setString(2, this.finding[0]);
					findings.setString(3, "1.1");
					findings.setString(4, "1");
					findings.setString(5, this.finding[1]);
					findings.setString(6, this.finding[2]);
					findings.setString(7, this.finding[3]);
					findings.addBatch();
				}
				for (int i = 0; i < extra[1]; i++) {
					followUps.setLong(1, id);
					followUps.setString(2, "1.1");
					followUps.setString(3, "1");
					followUps.setString(4, this.followUp[0]);
					followUps.setObject(5, LocalDate.of(2026, 12, 31));
					followUps.setString(6, this.followUp[1]);
					followUps.setString(7, this.followUp[2]);
					followUps.setString(8, this.followUp[3]);
					followUps.setString(9, this.followUp[4]);
					followUps.addBatch();
				}
				evaluations.setLong(1, id);
				evaluations.setInt(2, submission.version());
				evaluations.setString(3, submission.packId());
				evaluations.setString(4, this.packVersion);
				evaluations.setTimestamp(5, now);
				evaluations.setString(6, this.ratings.getOrDefault(submission.packId(), "{}"));
				evaluations.addBatch();
			}
			findings.executeBatch();
			followUps.executeBatch();
			evaluations.executeBatch();
		}
		if (onReturns) {
			recordOnReturns(connection, page);
		}
	}

	/** The chunk's returns marked evaluated, one statement per version among them (as {@code StoredReturns.recordEvaluated}). */
	private void recordOnReturns(Connection connection, List<Read> page) throws SQLException {
		Map<Integer, List<Long>> byVersion = new java.util.TreeMap<>();
		page.forEach((read) -> byVersion.computeIfAbsent(read.version(), (v) -> new java.util.ArrayList<>()).add(read.id()));
		for (Map.Entry<Integer, List<Long>> version : byVersion.entrySet()) {
			List<Long> ids = version.getValue();
			try (PreparedStatement update = connection.prepareStatement("update floor_submission set evaluation_status = 'EVALUATED', "
					+ "evaluated_version = ?, evaluated_pack_version = ? where id in (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
					+ ")")) {
				update.setInt(1, version.getKey());
				update.setString(2, this.packVersion);
				for (int i = 0; i < ids.size(); i++) {
					update.setLong(i + 3, ids.get(i));
				}
				update.executeUpdate();
			}
		}
	}

}
