package org.s11evaluator.partnershiprating;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SussexReturns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;



/**
 * A Pan-Sussex cycle of 12 agencies built so that each count is known, imported and evaluated by the real job:
 * the partnership ratings must be those of the guidance's threshold rule, boundaries included.
 */
@IntegrationTest
class PartnershipRatingIntegrationTests {

	private static final String CYCLE = "sussex-boundaries";

	@Autowired
	CycleManagement cycles;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	RulePacks packs;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@BeforeEach
	void twelveAgencies() {
		this.database.clean();
		Framework framework = this.packs.load("pan-sussex").framework();
		Map<String, Map<Integer, String>> table = new HashMap<>();
		table.put("6.2", Map.of(0, "amber", 1, "amber", 2, "amber", 3, "red", 4, "red"));
		table.put("6.1", Map.of(0, "amber", 1, "amber", 5, "amber", 6, "amber"));
		table.put("2.3", Map.of(7, "amber", 8, "amber", 9, "amber"));
		table.put("1.5", Map.of(10, "amber", 11, "red"));
		table.put("3.1", Map.of(0, "n/a", 1, "n/a", 2, "amber", 3, "amber"));
		Map<Integer, String> unanswered = new HashMap<>();
		unanswered.put(4, "amber");
		unanswered.put(5, "amber");
		unanswered.put(6, null);
		unanswered.put(7, null);
		table.put("3.2", unanswered);
		this.cycles.open(SussexReturns.cycle(this.folder, CYCLE, 12));
		for (int i = 0; i < 12; i++) {
			SussexReturns.write(this.folder.resolve("returns"), framework, CYCLE, i, SussexReturns.ratingsOf(i, table), null);
		}
		this.submissions.importPaths(List.of(this.folder.resolve("returns")), Optional.of(CYCLE));
	}

	@Test
	void ratesEveryItemAndStandardByTheSeedsThresholdRuleWithExactBoundaries() {
		this.evaluation.evaluateCycle(CYCLE);

		// the guidance's worked examples
		assertThat(rating("6.2")).isEqualTo("RED 7/3/2/0/0 SUS-PRT-01");
		assertThat(rating("2.3")).isEqualTo("AMBER 9/3/0/0/0 SUS-PRT-02");
		assertThat(rating("1.5")).isEqualTo("GREEN 10/1/1/0/0 SUS-PRT-03");
		// exactly one third is amber, not red
		assertThat(rating("6.1")).isEqualTo("AMBER 8/4/0/0/0 SUS-PRT-02");
		// N/A agencies are not taking part: 2 of 10, exactly 20%, is amber (2 of 12 would have been green)
		assertThat(rating("3.1")).isEqualTo("AMBER 8/2/0/2/0 SUS-PRT-02");
		// nor are agencies that did not answer
		assertThat(rating("3.2")).isEqualTo("AMBER 8/2/0/0/2 SUS-PRT-02");
		assertThat(rating("4.1")).isEqualTo("GREEN 12/0/0/0/0 SUS-PRT-03");
		// areas count each agency's own area rating
		assertThat(standard("6")).isEqualTo("RED 5/5/2/0/0 SUS-PRT-01");
		assertThat(standard("3")).isEqualTo("AMBER 8/4/0/0/0 SUS-PRT-02");
		assertThat(standard("1")).isEqualTo("GREEN 10/1/1/0/0 SUS-PRT-03");
		assertThat(this.jdbc.sql("select reason from partnership_rating where cycle_id = ? and item_id = '6.1'").param(CYCLE)
			.query(String.class).single()).isEqualTo("4 of 12 agencies taking part (33%) rated item 6.1 amber or red: at least 20% and no more "
					+ "than 1/3, so the partnership rating is amber.");
		assertThat(this.jdbc.sql("select distinct pack_version from partnership_rating where cycle_id = ?").param(CYCLE)
			.query(String.class).single()).isEqualTo(this.packs.load("pan-sussex").version());
		assertThat(this.jdbc.sql("select count(*) from partnership_rating where cycle_id = ?").param(CYCLE).query(Integer.class).single())
			.isEqualTo(9 + 48);
	}

	private String rating(String item) {
		return this.jdbc.sql("""
				select concat(rag, ' ', green, '/', amber, '/', red, '/', not_applicable, '/', not_answered, ' ', substring(rule_name, 1, 10))
				from partnership_rating where cycle_id = ? and item_id = ?""").params(CYCLE, item).query(String.class).single();
	}

	private String standard(String standard) {
		return this.jdbc.sql("""
				select concat(rag, ' ', green, '/', amber, '/', red, '/', not_applicable, '/', not_answered, ' ', substring(rule_name, 1, 10))
				from partnership_rating where cycle_id = ? and standard_id = ? and item_id = ''""").params(CYCLE, standard).query(String.class).single();
	}

}
