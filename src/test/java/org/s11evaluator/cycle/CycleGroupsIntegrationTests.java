package org.s11evaluator.cycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.publication.CyclePublication;
import org.s11evaluator.reporting.Editions;
import org.s11evaluator.submission.ImportReport;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cycles whose agencies are judged by different templates (Barnet, seed 002: the Section 11 audit for statutory
 * organisations and the Safeguarding Checklist for voluntary, community and faith ones) and one set of returns
 * serving three partnerships (Pan-Sussex, seed 004), through the real import, job, rule packs, database and files.
 * The samples' returns are written from the seeds' words (samples/barnet-2026, samples/pan-sussex-2027); every
 * expected finding, follow-up and rating below is worked out from the packs' rules in the comments.
 */
@IntegrationTest
class CycleGroupsIntegrationTests {

	private static final Path OUTPUT = Path.of("target/cycle-groups-output");

	@DynamicPropertySource
	static void output(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	CycleManagement cycles;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	CyclePublication publication;

	@Autowired
	Editions editions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	org.s11evaluator.submission.StoredReturns returns;

	@Autowired
	org.s11evaluator.submission.StoredSubmissions storedSubmissions;

	@TempDir
	Path folder;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void empty() {
		this.database.clean();
	}

	private ImportReport load(String sample) {
		String id = this.cycles.open(Path.of("samples", sample, "cycle.yaml"));
		return this.submissions.importPaths(List.of(Path.of("samples", sample, "submissions")), Optional.of(id));
	}

	/** code item rule-id, per agency. */
	private Map<String, Set<String>> findings(String cycle) {
		Map<String, Set<String>> found = new HashMap<>();
		this.jdbc.query("""
				select s.agency_id, f.code, f.item_id, f.rule_name from finding f join submission s on s.id = f.submission_id
				where s.cycle_id = ?""", (rs) -> {
					found.computeIfAbsent(rs.getString(1), (a) -> new TreeSet<>())
						.add(rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4).split(" ")[0]);
				}, cycle);
		return found;
	}

	/** item due rule-id owner, per agency. */
	private Map<String, Set<String>> followUps(String cycle) {
		Map<String, Set<String>> found = new HashMap<>();
		this.jdbc.query("""
				select s.agency_id, f.item_id, f.due_date, f.rule_name, f.owner from follow_up_action f join submission s on s.id = f.submission_id
				where s.cycle_id = ?""", (rs) -> {
					found.computeIfAbsent(rs.getString(1), (a) -> new TreeSet<>())
						.add(rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4).split(" ")[0] + " " + rs.getString(5));
				}, cycle);
		return found;
	}

	/** group/item -> rag rule-id, for the items (standards left out). */
	private Map<String, String> itemRatings(String cycle) {
		Map<String, String> ratings = new HashMap<>();
		this.jdbc.query("select group_id, item_id, rag, rule_name from partnership_rating where cycle_id = ? and item_id <> ''", (rs) -> {
			ratings.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3) + " " + rs.getString(4).split(" ")[0]);
		}, cycle);
		return ratings;
	}

	@Test
	void aBarnetCycleJudgesStatutoryOrganisationsByTheSection11AuditAndVoluntaryOnesByTheChecklist() throws IOException {
		ImportReport imported = load("barnet-2026");

		// the carers' circle (voluntary, community and faith) sent the statutory template: refused, naming the checklist
		assertThat(imported.count(ImportReport.Outcome.IMPORTED)).isEqualTo(6);
		ImportReport.FileResult wrong = imported.files().stream().filter((f) -> f.source().endsWith("zz-bad-wrong-template.json")).findFirst()
			.orElseThrow();
		assertThat(wrong.outcome()).isEqualTo(ImportReport.Outcome.REJECTED);
		assertThat(wrong.problems()).singleElement().satisfies((p) -> assertThat(p.message()).isEqualTo("this return was completed on template"
				+ " \"barnet-section-11\", but agency \"barnet-carers-circle\" is judged by template \"barnet-vcfs-checklist\" in cycle \"barnet-2026\":"
				+ " complete the barnet-vcfs-checklist template instead (or correct the agency's template in the cycle's cycle.yaml)"));

		assertThat(this.evaluation.evaluateCycle("barnet-2026").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// each return judged by its agency's template, chosen by sector
		Map<String, String> packs = new HashMap<>();
		this.jdbc.query("select s.agency_id, e.pack_id from evaluation e join submission s on s.id = e.submission_id where s.cycle_id = 'barnet-2026'",
				(rs) -> {
					packs.put(rs.getString(1), rs.getString(2));
				});
		assertThat(packs).containsExactlyInAnyOrderEntriesOf(Map.of("lbb-family-services", "barnet-section-11", "met-police-north-west-bcu",
				"barnet-section-11", "ncl-icb", "barnet-section-11", "royal-free-london", "barnet-section-11", "colindale-youth-project",
				"barnet-vcfs-checklist", "hendon-faith-trust", "barnet-vcfs-checklist"));

		Map<String, Set<String>> findings = findings("barnet-2026");
		// police: 4.1 red with no key action (BAR-ACT-01); 6.1 amber, its key action has a lead but no date (BAR-ACT-02)
		assertThat(findings.get("met-police-north-west-bcu")).containsExactly("KEY_ACTION_INCOMPLETE 6.1 BAR-ACT-02", "NO_KEY_ACTION 4.1 BAR-ACT-01");
		// Royal Free: 3.1 green but nothing attached or linked (BAR-EVD-01); 7.1 green with no description (BAR-DSC-01);
		// 8.1 amber is covered by a key action with lead and date
		assertThat(findings.get("royal-free-london")).containsExactly("MISSING_EVIDENCE 3.1 BAR-EVD-01", "NO_DESCRIPTION 7.1 BAR-DSC-01");
		// Hendon: 1.2 partly and 5.2 no without a key action (VCF-ACT-01); 3.1 (a listed question) without evidence (VCF-EVD-01)
		assertThat(findings.get("hendon-faith-trust")).containsExactly("MISSING_EVIDENCE 3.1 VCF-EVD-01", "NO_KEY_ACTION 1.2 VCF-ACT-01",
				"NO_KEY_ACTION 5.2 VCF-ACT-01");
		// every area described and evidenced, amber covered; the youth project's partly 4.2 has a key action
		assertThat(findings).doesNotContainKeys("lbb-family-services", "ncl-icb", "colindale-youth-project");

		Map<String, Set<String>> followUps = followUps("barnet-2026");
		// submitted 27 June 2026: red due in a month, amber (an undated key action does not cover it) in three
		assertThat(followUps.get("met-police-north-west-bcu")).containsExactly("4.1 2026-07-27 BAR-FUA-01 Chris Example, Detective Chief Inspector, Safeguarding (Metropolitan Police Service – North West Basic Command Unit)",
				"6.1 2026-09-27 BAR-FUA-02 Chris Example, Detective Chief Inspector, Safeguarding (Metropolitan Police Service – North West Basic Command Unit)");
		// submitted 29 June 2026: "no" in a month, "partly" in three (3.1's key action has no date)
		assertThat(followUps.get("hendon-faith-trust")).containsExactly("1.2 2026-09-29 VCF-FUA-02 Sam Example, Trustee for Safeguarding (Hendon Faith Community Trust)",
				"3.1 2026-09-29 VCF-FUA-02 Sam Example, Trustee for Safeguarding (Hendon Faith Community Trust)", "5.2 2026-07-29 VCF-FUA-01 Sam Example, Trustee for Safeguarding (Hendon Faith Community Trust)");
		assertThat(followUps).doesNotContainKeys("lbb-family-services", "ncl-icb", "royal-free-london", "colindale-youth-project");

		// each group rated by its own pack's rule over its own returns; no combined rating
		Map<String, String> ratings = itemRatings("barnet-2026");
		// statutory, 4 returns: one amber or red of 4 (25%) is at least a fifth and not more than a third: amber
		assertThat(ratings).containsEntry("barnet-section-11/4.1", "AMBER BAR-PRT-02").containsEntry("barnet-section-11/5.1", "AMBER BAR-PRT-02")
			.containsEntry("barnet-section-11/6.1", "AMBER BAR-PRT-02").containsEntry("barnet-section-11/8.1", "AMBER BAR-PRT-02")
			.containsEntry("barnet-section-11/3.1", "GREEN BAR-PRT-03").containsEntry("barnet-section-11/7.1", "GREEN BAR-PRT-03");
		// checklist, 2 returns: one partly or no of 2 is exactly half, not more than half: amber
		assertThat(ratings).containsEntry("barnet-vcfs-checklist/4.2", "AMBER VCF-PRT-02").containsEntry("barnet-vcfs-checklist/5.2", "AMBER VCF-PRT-02")
			.containsEntry("barnet-vcfs-checklist/1.1", "GREEN VCF-PRT-03");
		assertThat(ratings.keySet()).allMatch((k) -> k.startsWith("barnet-section-11/") || k.startsWith("barnet-vcfs-checklist/"));
		assertThat(ratings).hasSize(8 + 11);
		Integer counted = this.jdbc.queryForObject("""
				select green + amber + red + not_applicable + not_answered from partnership_rating
				where cycle_id = 'barnet-2026' and group_id = 'barnet-vcfs-checklist' and item_id = '4.2'""", Integer.class);
		assertThat(counted).isEqualTo(2);

		// the summaries: the cycle's shows the two groups side by side and which template each agency used
		JsonNode overview = this.json.readTree(OUTPUT.resolve("barnet-2026/summary.json").toFile());
		assertThat(overview.at("/groups")).hasSize(2);
		assertThat(overview.at("/groups/0/packId").asText()).isEqualTo("barnet-section-11");
		assertThat(overview.at("/groups/0/agencies").findValuesAsText("agencyId")).containsExactlyInAnyOrder("lbb-family-services",
				"met-police-north-west-bcu", "ncl-icb", "royal-free-london", "burnt-oak-family-support");
		assertThat(overview.at("/groups/1/agencies").findValuesAsText("agencyId")).containsExactlyInAnyOrder("colindale-youth-project",
				"hendon-faith-trust", "barnet-carers-circle");
		assertThat(overview.at("/groups/1/agencies").findValuesAsText("status")).contains("REJECTED");
		assertThat(overview.at("/participation/expected").asInt()).isEqualTo(8);
		assertThat(overview.at("/participation/returned").asInt()).isEqualTo(6);
		assertThat(overview.at("/groups/0/participation/returned").asInt() + overview.at("/groups/1/participation/returned").asInt()).isEqualTo(6);
		assertThat(overview.at("/standards")).isEmpty();
		String html = Files.readString(OUTPUT.resolve("barnet-2026/summary.html"));
		assertThat(html).contains("The templates of this cycle, side by side", "they are never combined into one rating",
				"Template: BSCP Section 11 audit tool for statutory organisations", "Burnt Oak Family Support (commissioned early help service)",
				"Each of the 2 templates of this cycle is rated by its own rule")
			.doesNotContain("Every agency that answered has every", "seed 002");
		// each group's own summary: its agencies, its framework, its ratings
		JsonNode statutory = this.json.readTree(OUTPUT.resolve("barnet-2026/barnet-section-11/summary.json").toFile());
		assertThat(statutory.at("/cycle/packId").asText()).isEqualTo("barnet-section-11");
		assertThat(statutory.at("/participation/expected").asInt()).isEqualTo(5);
		assertThat(statutory.at("/participation/returned").asInt()).isEqualTo(4);
		assertThat(statutory.at("/standards")).hasSize(8);
		assertThat(statutory.at("/standards/3/items/0/rating/rag").asText()).isEqualTo("AMBER");
		JsonNode checklist = this.json.readTree(OUTPUT.resolve("barnet-2026/barnet-vcfs-checklist/summary.json").toFile());
		assertThat(checklist.at("/participation/expected").asInt()).isEqualTo(3);
		assertThat(checklist.at("/participation/returned").asInt()).isEqualTo(2);
		assertThat(checklist.at("/participation/rejected").asInt()).isEqualTo(1);
		assertThat(checklist.at("/standards")).hasSize(5);
		assertThat(checklist.at("/register").findValuesAsText("agencyId")).doesNotContain("lbb-family-services");
		assertThat(OUTPUT.resolve("barnet-2026/barnet-vcfs-checklist/summary.pdf")).isNotEmptyFile();
	}

	@Test
	void aReturnFromAnAgencyNotOnTheListIsJudgedByTheTemplateOfItsSectorOrRefusedWhenNoneCoversIt() throws IOException {
		load("barnet-2026");
		String checklist = Files.readString(Path.of("samples/barnet-2026/submissions/colindale-youth-project.json"));
		Path newcomer = this.folder.resolve("newcomer.json");
		Files.writeString(newcomer, checklist.replace("colindale-youth-project", "mill-hill-scouts").replace("Colindale Community Youth Project",
				"Mill Hill Scouts"));
		Path stranger = this.folder.resolve("stranger.json");
		Files.writeString(stranger, checklist.replace("colindale-youth-project", "edgware-sports").replace("voluntary-community-faith", "sport"));

		ImportReport report = this.submissions.importPaths(List.of(newcomer, stranger), Optional.of("barnet-2026"));

		assertThat(report.files().get(0).outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
		assertThat(report.files().get(1).outcome()).isEqualTo(ImportReport.Outcome.REJECTED);
		assertThat(report.files().get(1).problems().get(0).message()).startsWith("agency \"edgware-sports\" is judged by no template of cycle"
				+ " \"barnet-2026\": it is not on the cycle's list and no template covers its sector \"sport\"");
		this.evaluation.evaluateCycle("barnet-2026");
		assertThat(this.jdbc.queryForObject("""
				select e.pack_id from evaluation e join submission s on s.id = e.submission_id
				where s.cycle_id = 'barnet-2026' and s.agency_id = 'mill-hill-scouts'""", String.class)).isEqualTo("barnet-vcfs-checklist");
	}

	@Test
	void aCycleYamlReadAgainJudgesTheStoredReturnsByItsTemplatesAndNamesTheirAgenciesAsItDoesNow() throws IOException {
		// given the Barnet returns stored, each judged by its sector's template
		load("barnet-2026");
		assertThat(packOf("colindale-youth-project")).isEqualTo("barnet-vcfs-checklist");
		assertThat(packOf("ncl-icb")).isEqualTo("barnet-section-11");
		long icb = this.returns.judgedInCycle("barnet-2026").stream().filter((r) -> r.agencyId().equals("ncl-icb")).findFirst().orElseThrow().id();

		// when the cycle.yaml, read again, gives the youth project the statutory template and renames the ICB
		Path changed = this.folder.resolve("cycle.yaml");
		Files.writeString(changed, Files.readString(Path.of("samples/barnet-2026/cycle.yaml"))
			.replace("    sector: voluntary-community-faith\n  - id: hendon-faith-trust",
					"    sector: voluntary-community-faith\n    template: barnet-section-11\n  - id: hendon-faith-trust")
			.replace("NHS North Central London Integrated Care Board", "NHS North Central London ICB"));
		this.cycles.open(changed);

		// then the stored returns say so, without being imported again
		assertThat(packOf("colindale-youth-project")).isEqualTo("barnet-section-11");
		assertThat(packOf("ncl-icb")).isEqualTo("barnet-section-11");
		assertThat(this.storedSubmissions.facts(icb).submission().agencyName()).isEqualTo("NHS North Central London ICB");
	}

	private String packOf(String agencyId) {
		return this.returns.judgedInCycle("barnet-2026").stream().filter((r) -> r.agencyId().equals(agencyId)).findFirst().orElseThrow()
			.packId();
	}

	@Test
	void aCycleYamlWhoseTemplatesLeaveAnAgencyOutOrClaimItTwiceOrNameAnUnknownPackIsRefusedAtTheLine() throws IOException {
		String base = """
				id: barnet-2099
				partnership: barnet
				title: Barnet 2099
				opens: 2099-04-01
				returnDeadline: 2099-06-30
				templates:
				  - pack: barnet-section11
				    sectors: [police, health]
				  - pack: barnet-vcfs-checklist
				    sectors: [voluntary-community-faith, health]
				agencies:
				  - id: met-police
				    name: Police
				    sector: police
				  - id: big-hospital
				    name: Hospital
				    sector: health
				  - id: tennis-club
				    name: Tennis club
				    sector: sport
				  - id: choir
				    name: Choir
				    sector: voluntary-community-faith
				    template: barnet-vcfs-checklst
				""";
		Path file = this.folder.resolve("cycle.yaml");
		Files.writeString(file, base);

		assertThatThrownBy(() -> this.cycles.open(file)).isInstanceOf(CycleException.class).satisfies((ex) -> assertThat(ex.getMessage().lines())
			.contains(file + ":7: template pack \"barnet-section11\" is not a rule pack in the rules folder (packs: barking-and-dagenham,"
					+ " barnet-section-11, barnet-vcfs-checklist, cambridgeshire-and-peterborough, pan-london-2012, pan-sussex); did you mean barnet-section-11?")
			.contains(file + ":8: sector \"health\" is listed under 2 templates (barnet-section11, barnet-vcfs-checklist): list each sector under one"
					+ " template, and give an agency that needs another its own template:")
			.contains(file + ":15: agency \"big-hospital\" is matched by 2 templates (barnet-section11, barnet-vcfs-checklist, by its sector"
					+ " \"health\"): give it its own template: or list its sector under one template only")
			.contains(file + ":18: agency \"tennis-club\" (sector \"sport\") is matched by no template: the templates cover the sectors police,"
					+ " health, voluntary-community-faith; give the agency a template: or add its sector to a template")
			.contains(file + ":24: agency \"choir\" names template \"barnet-vcfs-checklst\", which is not one of the cycle's templates"
					+ " (barnet-section11, barnet-vcfs-checklist); did you mean barnet-vcfs-checklist?"));
		// nothing was opened
		assertThat(this.cycles.find("barnet-2099")).isEmpty();
	}

	@Test
	void aMisspeltKeyOfATemplateIsNamedAtItsLineWithTheNearestKey() throws IOException {
		Path file = this.folder.resolve("cycle.yaml");
		Files.writeString(file, Files.readString(Path.of("samples/barnet-2026/cycle.yaml")).replace("    sectors: [voluntary-community-faith]",
				"    sectrs: [voluntary-community-faith]"));

		assertThatThrownBy(() -> this.cycles.open(file)).isInstanceOf(CycleException.class)
			.hasMessageStartingWith(file + ":16: ")
			.hasMessageContaining("sectrs")
			.hasMessageContaining("did you mean sectors?");
	}

	@Test
	void aCycleYamlWhosePartnershipsNameAnUnknownAgencyOrLeaveOneOutIsRefusedAtTheLine() throws IOException {
		Path file = this.folder.resolve("cycle.yaml");
		Files.writeString(file, """
				id: pan-sussex-2099
				partnership: pan-sussex
				title: Pan-Sussex 2099
				opens: 2099-01-11
				returnDeadline: 2099-03-31
				partnerships:
				  - id: brighton-and-hove
				    name: Brighton and Hove
				    agencies: [sussex-police, brighton-hove-childrens]
				  - id: east-sussex
				    name: East Sussex
				    agencies: [sussex-polise]
				agencies:
				  - id: sussex-police
				    name: Sussex Police
				  - id: brighton-hove-childrens
				    name: Brighton and Hove children's services
				  - id: esht
				    name: East Sussex Healthcare
				""");

		assertThatThrownBy(() -> this.cycles.open(file)).isInstanceOf(CycleException.class).satisfies((ex) -> assertThat(ex.getMessage().lines())
			.containsExactly(file + ":12: partnership \"east-sussex\" lists agency \"sussex-polise\", which is not one of the cycle's agencies; did you"
					+ " mean sussex-police?: list it under agencies: first",
					file + ":18: agency \"esht\" belongs to none of the cycle's partnerships (brighton-and-hove, east-sussex): list it under the"
							+ " agencies: of each partnership it belongs to"));
	}

	@Test
	void onePanSussexAuditGivesEachOfThreePartnershipsItsOwnSummaryWhoseCountsAddUpToTheOverview() throws IOException {
		ImportReport imported = load("pan-sussex-2027");
		assertThat(imported.count(ImportReport.Outcome.IMPORTED)).isEqualTo(8);

		assertThat(this.evaluation.evaluateCycle("pan-sussex-2027").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		Map<String, String> ratings = itemRatings("pan-sussex-2027");
		// 6.2 (safer recruitment): police amber, Brighton and Hove children's red, UH Sussex amber, every other agency green
		// Brighton and Hove: 3 of its 5 returns amber or red (60%), more than a third: red
		assertThat(ratings).containsEntry("brighton-and-hove/6.2", "RED SUS-PRT-01");
		// East Sussex: police only, 1 of 4 (25%): amber
		assertThat(ratings).containsEntry("east-sussex/6.2", "AMBER SUS-PRT-02");
		// West Sussex: police and UH Sussex, 2 of 4 returned (its youth justice service has not returned; 50%): red
		assertThat(ratings).containsEntry("west-sussex/6.2", "RED SUS-PRT-01");
		// the overview counts each agency once: 3 of 8 (37.5%): red
		assertThat(ratings).containsEntry("/6.2", "RED SUS-PRT-01");
		// 9.1: only Sussex Partnership FT (in all three) amber: a fifth or a quarter in each partnership, an eighth overall
		assertThat(ratings).containsEntry("brighton-and-hove/9.1", "AMBER SUS-PRT-02").containsEntry("east-sussex/9.1", "AMBER SUS-PRT-02")
			.containsEntry("west-sussex/9.1", "AMBER SUS-PRT-02").containsEntry("/9.1", "GREEN SUS-PRT-03");
		Map<String, Integer> counted = new HashMap<>();
		this.jdbc.query("select group_id, green + amber + red + not_applicable + not_answered from partnership_rating"
				+ " where cycle_id = 'pan-sussex-2027' and item_id = '6.2'", (rs) -> {
					counted.put(rs.getString(1), rs.getInt(2));
				});
		assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of("", 8, "brighton-and-hove", 5, "east-sussex", 4, "west-sussex", 4));

		JsonNode overview = this.json.readTree(OUTPUT.resolve("pan-sussex-2027/summary.json").toFile());
		assertThat(overview.at("/participation/expected").asInt()).isEqualTo(9);
		assertThat(overview.at("/participation/returned").asInt()).isEqualTo(8);
		assertThat(overview.at("/groups")).hasSize(3);
		int expectedInPartnerships = 0;
		int returnedInPartnerships = 0;
		Map<String, Integer> memberships = new HashMap<>();
		for (String partnership : List.of("brighton-and-hove", "east-sussex", "west-sussex")) {
			JsonNode own = this.json.readTree(OUTPUT.resolve("pan-sussex-2027/" + partnership + "/summary.json").toFile());
			expectedInPartnerships += own.at("/participation/expected").asInt();
			returnedInPartnerships += own.at("/participation/returned").asInt();
			own.at("/register").findValuesAsText("agencyId").forEach((a) -> memberships.merge(a, 1, Integer::sum));
			assertThat(own.at("/standards")).hasSize(9);
			assertThat(own.at("/groups")).isEmpty();
		}
		// an agency in two or three partnerships counts in each, and once in the overview
		assertThat(expectedInPartnerships).isEqualTo(5 + 4 + 5);
		assertThat(returnedInPartnerships).isEqualTo(5 + 4 + 4);
		assertThat(memberships).containsEntry("sussex-police", 3).containsEntry("sussex-partnership-ft", 3).containsEntry("uhsussex", 2)
			.containsEntry("esht", 1).hasSize(9);
		assertThat(expectedInPartnerships - memberships.values().stream().mapToInt((n) -> n - 1).sum()).isEqualTo(9);
		JsonNode brighton = this.json.readTree(OUTPUT.resolve("pan-sussex-2027/brighton-and-hove/summary.json").toFile());
		assertThat(brighton.at("/cycle/partnershipName").asText()).isEqualTo("Brighton and Hove Safeguarding Children Partnership");
		JsonNode item62 = brighton.at("/standards/5/items/1");
		assertThat(item62.at("/id").asText()).isEqualTo("6.2");
		assertThat(item62.at("/rating/rag").asText()).isEqualTo("RED");
		assertThat(item62.at("/rating/reason").asText()).startsWith("3 of 5 agencies taking part (60%) rated");
		assertThat(Files.readString(OUTPUT.resolve("pan-sussex-2027/summary.html"))).contains("The partnerships of this audit, side by side",
				"counts in each of their summaries, and once in this overview", "West Sussex Safeguarding Children Partnership");
	}

	@Test
	void closingTheBarnetCycleChecksEachReturnAgainstItsOwnTemplateAndPublishesBothTemplatesSummaries() {
		load("barnet-2026");
		this.evaluation.evaluateCycle("barnet-2026");

		CyclePublication.Closed closed = this.publication.close("barnet-2026");

		assertThat(closed.folder().resolve("barnet-section-11/summary.pdf")).isNotEmptyFile();
		assertThat(closed.folder().resolve("barnet-vcfs-checklist/summary.json")).isNotEmptyFile();
		assertThat(this.editions.verify("barnet-2026", Optional.of(closed.edition())).problems()).isEmpty();
	}

	@Test
	void closingTheThreePartnershipCyclePublishesEveryPartnershipsSummaryInTheEdition() throws IOException {
		load("pan-sussex-2027");
		this.evaluation.evaluateCycle("pan-sussex-2027");

		CyclePublication.Closed closed = this.publication.close("pan-sussex-2027");

		for (String partnership : List.of("brighton-and-hove", "east-sussex", "west-sussex")) {
			assertThat(closed.folder().resolve(partnership).resolve("summary.html")).isNotEmptyFile();
			assertThat(closed.folder().resolve(partnership).resolve("summary.pdf")).isNotEmptyFile();
			// the live folder shows the edition, byte for byte
			assertThat(Files.mismatch(closed.folder().resolve(partnership).resolve("summary.json"),
					OUTPUT.resolve("pan-sussex-2027").resolve(partnership).resolve("summary.json"))).isEqualTo(-1L);
		}
		Editions.Verification verified = this.editions.verify("pan-sussex-2027", Optional.of(closed.edition()));
		assertThat(verified.problems()).isEmpty();
		assertThat(verified.checked()).contains("summary.json", "east-sussex/summary.json", "west-sussex/improvement-plan.csv");
		// an edited partnership summary in the edition is noticed
		Files.writeString(closed.folder().resolve("east-sussex/summary.csv.extra"), "x");
		assertThat(this.editions.verify("pan-sussex-2027", Optional.of(closed.edition())).problems())
			.containsExactly("east-sussex/summary.csv.extra is not in the manifest");
	}

}
