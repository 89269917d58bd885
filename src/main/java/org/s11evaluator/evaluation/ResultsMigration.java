package org.s11evaluator.evaluation;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration V21: moves the results written one row per item and standard (V3's {@code item_rating} and
 * {@code standard_rating}) into each return's evaluation row, in the form the writer uses, a few hundred returns
 * at a time. Reasons go through the same dictionary; inputs keep their stored texts (they read exactly as before;
 * the next evaluation of a return stores references instead).
 */
public final class ResultsMigration {

	private static final Logger log = LoggerFactory.getLogger(ResultsMigration.class);

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final int CHUNK = 500;

	private ResultsMigration() {
	}

	/** Called by Flyway's {@code db.migration.V21__move_results_to_evaluation_rows} on its connection. */
	public static void moveRatings(Connection connection) {
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
		ObjectMapper json = new ObjectMapper();
		ResultDictionary dictionary = new ResultDictionary(named, false);
		List<Long> ids = jdbc.queryForList("""
				select e.submission_id from evaluation e where exists (select 1 from item_rating r where r.submission_id = e.submission_id)
				or exists (select 1 from standard_rating r where r.submission_id = e.submission_id) order by e.submission_id""", Long.class);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
			Map<Long, List<StoredRatings.Rating>> items = new HashMap<>();
			Map<Long, List<StoredRatings.Rating>> standards = new HashMap<>();
			Map<Long, String> versions = new HashMap<>();
			List<ResultDictionary.Reason> reasons = new ArrayList<>();
			Map<String, Object> parameters = Map.of("ids", chunk);
			named.query("select submission_id, pack_version from evaluation where submission_id in (:ids)", parameters,
					(RowCallbackHandler) (rs) -> versions.put(rs.getLong(1), rs.getString(2)));
			named.query("""
					select submission_id, item_id, standard_id, rag, rule_name, reason, inputs, pack_version from item_rating
					where submission_id in (:ids) order by submission_id, item_id""", parameters, (RowCallbackHandler) (rs) -> {
				items.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(new StoredRatings.Rating(rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), texts(json, rs.getString(7))));
				reasons.add(new ResultDictionary.Reason(rs.getString(8), rs.getString(5), rs.getString(4), rs.getString(6)));
			});
			named.query("""
					select submission_id, standard_id, rag, rule_name, reason, inputs, pack_version from standard_rating
					where submission_id in (:ids) order by submission_id, standard_id""", parameters, (RowCallbackHandler) (rs) -> {
				standards.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(new StoredRatings.Rating(null, rs.getString(2),
						rs.getString(3), rs.getString(4), rs.getString(5), texts(json, rs.getString(6))));
				reasons.add(new ResultDictionary.Reason(rs.getString(7), rs.getString(4), rs.getString(3), rs.getString(5)));
			});
			dictionary.load(versions.values());
			dictionary.offer(reasons, Map.of());
			List<Object[]> updates = new ArrayList<>();
			for (Long id : chunk) {
				String version = versions.get(id);
				StoredRatings ratings = new StoredRatings(lean(items.getOrDefault(id, List.of()), version, dictionary),
						lean(standards.getOrDefault(id, List.of()), version, dictionary));
				updates.add(new Object[] { ratings.toJson(json), id });
			}
			jdbc.batchUpdate("update evaluation set ratings = ? where submission_id = ?", updates);
		}
		log.info("Moved the item and standard ratings of {} evaluated returns into their evaluation rows", ids.size());
	}

	/** Each rating's reason left out where the dictionary holds it (a row's own pack version is the evaluation's). */
	private static List<StoredRatings.Rating> lean(List<StoredRatings.Rating> ratings, String version, ResultDictionary dictionary) {
		return ratings.stream()
			.map((r) -> r.reason().equals(dictionary.reason(version, r.rule(), r.rag())) ? new StoredRatings.Rating(r.itemId(), r.standardId(),
					r.rag(), r.rule(), null, r.inputs()) : r)
			.toList();
	}

	private static List<Object> texts(ObjectMapper json, String inputs) {
		try {
			return new ArrayList<>(json.readValue(inputs, STRINGS));
		}
		catch (JsonProcessingException ex) {
			return List.of(inputs); // shown as it was stored: CycleResultsQuery read an unreadable list as its one text
		}
	}

}
