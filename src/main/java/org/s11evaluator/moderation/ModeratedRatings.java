package org.s11evaluator.moderation;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code moderated_rating} table: rows are only added; the latest row per agency and item is in force. */
@Repository
class ModeratedRatings {

	private final JdbcClient jdbc;

	ModeratedRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(ModeratedRating r) {
		this.jdbc.sql("""
				insert into moderated_rating (cycle_id, agency_id, item_id, rating, agreed_by, agreed_on, reason, recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.cycleId(), r.agencyId(), r.itemId(), r.rating(), r.agreedBy(), r.agreedOn(), r.reason(), r.recordedAt(), r.recordedBy())
			.update();
	}

	/** The moderated ratings in force in the cycle: the latest per agency and item, by agency and item. */
	List<ModeratedRating> current(String cycleId) {
		return this.jdbc.sql("""
				select m.cycle_id, m.agency_id, m.item_id, m.rating, m.agreed_by, m.agreed_on, m.reason, m.recorded_at, m.recorded_by
				from moderated_rating m where m.cycle_id = ? and m.id = (select max(l.id) from moderated_rating l
				  where l.cycle_id = m.cycle_id and l.agency_id = m.agency_id and l.item_id = m.item_id)
				order by m.agency_id, m.item_id""")
			.param(cycleId)
			.query((rs, i) -> new ModeratedRating(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, java.time.LocalDate.class), rs.getString(7), rs.getObject(8, LocalDateTime.class), rs.getString(9)))
			.list();
	}

}
