package org.s11evaluator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the stored returns hold of their evaluation, as the evaluation module records it through {@link StoredReturns}. */
@IntegrationTest
class StoredReturnsIntegrationTests {

	@Autowired
	SubmissionImport submissions;

	@Autowired
	CycleManagement cycles;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseCleaner database;

	@BeforeEach
	void clean() {
		this.database.clean();
		this.cycles.open(Path.of("samples/pan-sussex-2025/cycle.yaml"));
		this.submissions.importPaths(List.of(Path.of("samples/pan-sussex-2025/submissions")), Optional.empty());
	}

	@Test
	void recordsEachReturnsOwnVersionAndPackVersionWhenAChunkMixesThem() {
		// given four stored returns, one of them left alone
		List<Long> ids = this.jdbc.queryForList("select id from submission order by id", Long.class);
		assertThat(ids).hasSizeGreaterThanOrEqualTo(4);

		// when three are recorded evaluated, at two versions and by two pack versions, in one call
		StoredReturns.recordEvaluated(this.jdbc, List.of(new StoredReturns.Evaluated(ids.get(0), 1, "pack-a"),
				new StoredReturns.Evaluated(ids.get(1), 2, "pack-a"), new StoredReturns.Evaluated(ids.get(2), 1, "pack-b")));
		StoredReturns.recordFailed(this.jdbc, ids.get(3));
		StoredReturns.recordEvaluated(this.jdbc, List.of());

		// then each holds its own, and the one left alone nothing
		assertThat(state(ids.get(0))).containsExactly("EVALUATED", 1, "pack-a");
		assertThat(state(ids.get(1))).containsExactly("EVALUATED", 2, "pack-a");
		assertThat(state(ids.get(2))).containsExactly("EVALUATED", 1, "pack-b");
		assertThat(state(ids.get(3))).containsExactly("FAILED", null, null);
		if (ids.size() > 4) {
			assertThat(state(ids.get(4))).containsExactly(null, null, null);
		}
	}

	@Test
	void recordsMoreReturnsThanOneStatementNamesAtOnce() {
		// given more returns than a statement names (a thousand), the real ones among them
		List<Long> ids = this.jdbc.queryForList("select id from submission order by id", Long.class);
		List<StoredReturns.Evaluated> evaluated = new java.util.ArrayList<>();
		for (long id = 1; evaluated.size() < StoredReturns.IDS_PER_QUERY + 10; id++) {
			if (!ids.contains(id)) {
				evaluated.add(new StoredReturns.Evaluated(id, 1, "pack-a"));
			}
		}
		ids.forEach((id) -> evaluated.add(new StoredReturns.Evaluated(id, 1, "pack-a")));

		// when they are recorded in one call
		StoredReturns.recordEvaluated(this.jdbc, evaluated);

		// then every real one holds it
		assertThat(this.jdbc.queryForObject("select count(*) from submission where evaluation_status = 'EVALUATED' and evaluated_version = 1 "
				+ "and evaluated_pack_version = 'pack-a'", Integer.class)).isEqualTo(ids.size());
	}

	private List<Object> state(long id) {
		Map<String, Object> row = this.jdbc.queryForMap("select evaluation_status, evaluated_version, evaluated_pack_version from submission where id = ?", id);
		return java.util.Arrays.asList(row.get("evaluation_status"), row.get("evaluated_version"), row.get("evaluated_pack_version"));
	}

}
