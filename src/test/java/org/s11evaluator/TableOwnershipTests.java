package org.s11evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.s11evaluator.support.TableReferences;

/**
 * Each module owns its tables (as its {@code package-info.java} says) and no other module's SQL names them. The
 * owners below cover every table the migrations create (Spring Batch's own {@code BATCH_*} tables belong to the
 * framework and are reached through its {@code JobExplorer}/{@code JobRepository}). The SQL is found in the compiled
 * classes ({@link TableReferences}).
 */
class TableOwnershipTests {

	static final Map<String, Set<String>> OWNERS = Map.of(
			"cycle", Set.of("audit_cycle", "cycle_agency", "partnership", "agency", "cycle_template_sector", "cycle_group", "cycle_group_agency"),
			"submission", Set.of("submission", "item_response", "agency_action", "rejected_submission", "rejection_reason"),
			"evaluation", Set.of("evaluation", "finding", "follow_up_action", "result_reason", "result_policy_values", "item_rating",
					"standard_rating"),
			"partnershiprating", Set.of("partnership_rating"),
			"runs", Set.of("run_report", "run_heartbeat"),
			"reporting", Set.of("cycle_summary", "cycle_edition", "summary_file_stamp"),
			"audit", Set.of("audit_event"),
			"survey", Set.of("survey_import", "survey_count", "challenge_flag"),
			"moderation", Set.of("moderated_rating"));

	@Test
	void everyTableTheMigrationsCreateHasExactlyOneOwningModule() throws IOException {
		Set<String> created = new TreeSet<>();
		Pattern create = Pattern.compile("create\\s+(?:table|(?:or\\s+replace\\s+)?view)\\s+(?:if\\s+not\\s+exists\\s+)?`?(\\w+)",
				Pattern.CASE_INSENSITIVE);
		try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path migration : migrations.toList()) {
				Matcher m = create.matcher(Files.readString(migration));
				while (m.find()) {
					created.add(m.group(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		created.removeIf((table) -> table.startsWith("batch_"));
		Map<String, List<String>> ownersOf = new TreeMap<>();
		OWNERS.forEach((module, tables) -> tables.forEach((t) -> ownersOf.computeIfAbsent(t, (k) -> new java.util.ArrayList<>()).add(module)));
		assertThat(created).isNotEmpty();
		assertThat(created).as("tables with no owning module").allMatch(ownersOf::containsKey);
		assertThat(ownersOf).as("each table owned once").allSatisfy((table, modules) -> assertThat(modules).hasSize(1));
		assertThat(ownersOf.keySet()).as("owned tables the migrations do not create").allMatch(created::contains);
	}

	@Test
	void noModulesSqlNamesATableOfAnotherModule() {
		List<String> found = TableReferences.find(Path.of("target/classes"), "org.s11evaluator", OWNERS).stream()
			.map(TableReferences.Reach::toString)
			.sorted()
			.toList();
		assertThat(found).as("SQL naming another module's table (ask the owning module through its API instead)").isEmpty();
	}

	@Test
	void aClassWhoseSqlNamesAnotherModulesTableIsFoundNamingClassTableAndOwner() {
		List<TableReferences.Reach> found = TableReferences.find(Path.of("target/test-classes"), "fixture.tables",
				Map.of("owner", Set.of("ledger")));
		assertThat(found).extracting(TableReferences.Reach::toString)
			.containsExactly("fixture.tables.intruder.LedgerPeek (module intruder) names table ledger, owned by module owner");
	}

}
