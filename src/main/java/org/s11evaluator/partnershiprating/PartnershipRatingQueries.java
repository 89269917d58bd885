package org.s11evaluator.partnershiprating;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** What other modules ask of the stored partnership ratings ({@code partnership_rating}): a query per question and cycle. */
@Component
public class PartnershipRatingQueries {

	/** A partnership rating of one standard ({@code itemId} null) or item, with its counts, reason, rule and pack version. */
	public record StoredRating(String groupId, String standardId, String itemId, String rag, int green, int amber, int red, int notApplicable,
			int notAnswered, String reason, String rule, String packVersion) {
	}

	/** A rating rule of the pack and the policy it applied. */
	public record RulePolicy(String rule, String policy) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	PartnershipRatingQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every partnership rating of the cycle, by group ('' the whole cycle's). */
	public Map<String, List<StoredRating>> ofCycle(String cycleId) {
		Map<String, List<StoredRating>> ratings = new LinkedHashMap<>();
		this.jdbc.query("""
				select group_id, standard_id, item_id, rag, green, amber, red, not_applicable, not_answered, reason, rule_name, pack_version
				from partnership_rating where cycle_id = :cycle""", Map.of("cycle", cycleId), (RowCallbackHandler) (rs) -> ratings
			.computeIfAbsent(rs.getString(1), (g) -> new java.util.ArrayList<>())
			.add(new StoredRating(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
					rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11), rs.getString(12))));
		return ratings;
	}

	/**
	 * The rating rules that rated the cycle's group given ('' the whole cycle), or any of its groups, each with the
	 * policy it applied (the greatest, if it applied several), by rule name.
	 */
	public List<RulePolicy> policies(String cycleId, String groupId, boolean anyGroup) {
		return this.jdbc.query("""
				select rule_name, max(policy) from partnership_rating where cycle_id = :cycle and (group_id = :group or :any)
				group by rule_name order by rule_name""", Map.of("cycle", cycleId, "group", groupId, "any", anyGroup),
				(rs, i) -> new RulePolicy(rs.getString(1), rs.getString(2)));
	}

}
