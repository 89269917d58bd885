package org.s11evaluator.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Texts that are fixed for a rule-pack version, stored once rather than with every result: the reason a rule
 * gives for a rating (table {@code result_reason}, by pack version, rule and rating) and the pack's policy
 * values as rules see them ({@code result_policy_values}). The first text stored for a key stays; a result
 * whose text differs (a reason that counts items, say) keeps its own text in its row.
 */
final class ResultDictionary {

	/** A reason a rule gave for a rating under one pack version. */
	record Reason(String packVersion, String rule, String rag, String reason) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final Map<Key, String> reasons = new HashMap<>();

	private final Map<String, String> policyValues = new HashMap<>();

	private final Set<String> loaded = new HashSet<>();

	private final String lock;

	/** {@code writing}: reads back with locking reads, to see texts other writers committed meanwhile. */
	ResultDictionary(NamedParameterJdbcTemplate jdbc, boolean writing) {
		this.jdbc = jdbc;
		this.lock = writing ? " lock in share mode" : "";
	}

	/** The stored reason for (version, rule, rag), or null. */
	String reason(String packVersion, String rule, String rag) {
		return this.reasons.get(key(packVersion, rule, rag));
	}

	/** The stored policy values of a pack version, or null. */
	String policyValues(String packVersion) {
		return this.policyValues.get(packVersion);
	}

	/** Reads the dictionary of the versions not read yet. */
	void load(Collection<String> packVersions) {
		List<String> missing = packVersions.stream().filter((v) -> v != null && !this.loaded.contains(v)).distinct().toList();
		if (!missing.isEmpty()) {
			read(missing);
		}
	}

	/**
	 * Stores the texts the dictionary lacks, in key order so that two writers never wait on each other in a
	 * cycle, then reads back what is stored (another writer's text may have been first). Locking reads see
	 * what other writers committed since this transaction began.
	 */
	void offer(Collection<Reason> candidates, Map<String, String> values) {
		Map<Key, Reason> fresh = new HashMap<>();
		for (Reason r : candidates) {
			if (!this.reasons.containsKey(key(r.packVersion(), r.rule(), r.rag()))) {
				fresh.putIfAbsent(key(r.packVersion(), r.rule(), r.rag()), r);
			}
		}
		Map<String, String> freshValues = new HashMap<>();
		values.forEach((version, text) -> {
			if (!this.policyValues.containsKey(version)) {
				freshValues.put(version, text);
			}
		});
		if (fresh.isEmpty() && freshValues.isEmpty()) {
			return;
		}
		List<Reason> sorted = new ArrayList<>(fresh.values());
		sorted.sort(Comparator.comparing(Reason::packVersion).thenComparing(Reason::rule).thenComparing(Reason::rag));
		this.jdbc.getJdbcTemplate().batchUpdate("insert ignore into result_reason (pack_version, rule_name, rag, reason) values (?, ?, ?, ?)",
				sorted.stream().map((r) -> new Object[] { r.packVersion(), r.rule(), r.rag(), r.reason() }).toList());
		this.jdbc.getJdbcTemplate().batchUpdate("insert ignore into result_policy_values (pack_version, policy_values) values (?, ?)",
				freshValues.entrySet().stream().sorted(Map.Entry.comparingByKey())
					.map((e) -> new Object[] { e.getKey(), e.getValue() }).toList());
		Set<String> versions = new HashSet<>(freshValues.keySet());
		sorted.forEach((r) -> versions.add(r.packVersion()));
		read(versions);
	}

	private void read(Collection<String> versions) {
		Map<String, Object> parameters = Map.of("versions", versions);
		this.jdbc.query("select pack_version, rule_name, rag, reason from result_reason where pack_version in (:versions)" + this.lock,
				parameters, (RowCallbackHandler) (rs) -> this.reasons.put(key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4)));
		this.jdbc.query("select pack_version, policy_values from result_policy_values where pack_version in (:versions)" + this.lock,
				parameters, (RowCallbackHandler) (rs) -> this.policyValues.put(rs.getString(1), rs.getString(2)));
		this.loaded.addAll(versions);
	}

	/** A reason's place in the dictionary (a record, not a text joined for each of a chunk's 5,000 ratings). */
	private record Key(String packVersion, String rule, String rag) {
	}

	private static Key key(String packVersion, String rule, String rag) {
		return new Key(packVersion, rule, rag);
	}

}
