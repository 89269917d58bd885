package org.s11evaluator.survey;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The survey module's tables: the current import of each cycle, its counts, and the challenge flags derived from them. */
@Repository
class SurveyStore {

	/** The current survey of a cycle: when and from which file it was imported, its form, the columns left out. */
	record Imported(String cycleId, LocalDateTime importedAt, String sourceName, String format, String leftOut, String packVersion) {
	}

	private final JdbcClient jdbc;

	SurveyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the cycle's survey with this one (the caller's transaction makes it all or nothing). */
	void replace(Imported imported, List<SurveyCount> counts) {
		this.jdbc.sql("delete from survey_count where cycle_id = ?").param(imported.cycleId()).update();
		this.jdbc.sql("delete from survey_import where cycle_id = ?").param(imported.cycleId()).update();
		this.jdbc.sql("insert into survey_import (cycle_id, imported_at, source_name, file_format, dropped, pack_version) values (?, ?, ?, ?, ?, ?)")
			.params(imported.cycleId(), imported.importedAt(), imported.sourceName(), imported.format(), imported.leftOut(), imported.packVersion())
			.update();
		for (SurveyCount c : counts) {
			this.jdbc.sql("insert into survey_count (cycle_id, agency_id, question_id, respondents, agreeing, disagreeing) values (?, ?, ?, ?, ?, ?)")
				.params(imported.cycleId(), c.agencyId(), c.questionId(), c.respondents(), c.agreeing(), c.disagreeing())
				.update();
		}
	}

	Optional<Imported> imported(String cycleId) {
		return this.jdbc.sql("select cycle_id, imported_at, source_name, file_format, dropped, pack_version from survey_import where cycle_id = ?")
			.param(cycleId)
			.query((rs, i) -> new Imported(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.optional();
	}

	List<SurveyCount> counts(String cycleId) {
		return this.jdbc.sql("""
				select agency_id, question_id, respondents, agreeing, disagreeing from survey_count where cycle_id = ?
				order by agency_id, question_id""")
			.param(cycleId)
			.query((rs, i) -> new SurveyCount(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
			.list();
	}

	void replaceFlags(String cycleId, List<ChallengeFlag> flags) {
		this.jdbc.sql("delete from challenge_flag where cycle_id = ?").param(cycleId).update();
		for (ChallengeFlag f : flags) {
			this.jdbc.sql("""
					insert into challenge_flag (cycle_id, agency_id, submission_id, item_id, standard_id, message, rule_name, policy, inputs,
					  pack_version, derived_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(cycleId, f.agencyId(), f.submissionId(), f.itemId(), f.standardId(), f.message(), f.rule(), f.policy(),
						String.join("\n", f.inputs()), f.packVersion(), f.derivedAt())
				.update();
		}
	}

	List<ChallengeFlag> flags(String cycleId) {
		return this.jdbc.sql("""
				select agency_id, submission_id, item_id, standard_id, message, rule_name, policy, inputs, pack_version, derived_at
				from challenge_flag where cycle_id = ? order by agency_id, id""")
			.param(cycleId)
			.query((rs, i) -> new ChallengeFlag(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), List.of(rs.getString(8).split("\n")), rs.getString(9), rs.getObject(10, LocalDateTime.class)))
			.list();
	}

}
