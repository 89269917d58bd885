package org.s11evaluator.survey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.moderation.ModerationException;
import org.s11evaluator.moderation.ModerationManagement;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Cambridgeshire and Peterborough sample cycle (six returns and a survey export of 410 respondents, written for this
 * test from the seed's account, not from the rules) through the real import, the real evaluation job and the real pack.
 */
@IntegrationTest
class ChallengeIntegrationTests {

	private static final Path OUTPUT = Path.of("target/challenge-test-output");

	private static final Path SAMPLE = Path.of("samples/with-survey/cambridgeshire-and-peterborough-2017");

	private static final String CYCLE = "cambridgeshire-and-peterborough-2017";

	@DynamicPropertySource
	static void output(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	DatabaseCleaner database;

	@Autowired
	CycleManagement cycles;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	SurveyImport surveys;

	@Autowired
	ChallengeFlags challenge;

	@Autowired
	ChallengeDay challengeDay;

	@Autowired
	ModerationManagement moderation;

	@Autowired
	AuditTrail audit;

	@Autowired
	RulePacks packs;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@BeforeEach
	void sampleCycle() {
		this.database.clean();
		this.cycles.open(SAMPLE.resolve("cycle.yaml"));
		this.submissions.importPaths(List.of(SAMPLE.resolve("submissions")), Optional.of(CYCLE));
	}

	@Test
	void theSurveyChallengesEachGreenSelfRatingItContradictsExplainedByItsRuleInputsAndPackVersion() {
		// given the survey imported before the returns are evaluated, as the demo does
		SurveyImport.Imported imported = this.surveys.importFile(CYCLE, SAMPLE.resolve("survey.csv"));
		assertThat(imported.flags()).as("no evaluated return yet").isEmpty();
		assertThat(imported.respondentRows()).isEqualTo(410);
		assertThat(imported.leftOut()).containsExactly("Respondent ID", "Start Date", "IP Address", "Any other comments?");

		// when the job evaluates and rates the cycle
		assertThat(this.evaluation.evaluateCycle(CYCLE).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then exactly the five contradicted green ratings are flagged
		List<ChallengeFlag> flags = this.challenge.flags(CYCLE);
		assertThat(flags).extracting((f) -> f.agencyId() + " " + f.itemId()).containsExactlyInAnyOrder("cambs-constabulary 1.2",
				"cambs-childrens 2.2", "cambs-childrens 3.1", "cpft 6.2", "cambs-community-services 7.2");
		String version = this.packs.currentVersion("cambridgeshire-and-peterborough");
		assertThat(flags).allSatisfy((f) -> {
			assertThat(f.rule()).startsWith("CPS-CHL-01 ");
			assertThat(f.packVersion()).isEqualTo(version);
			assertThat(f.policy()).contains("challenge.disagreeing.at-least");
		});
		ChallengeFlag lead = flags.stream().filter((f) -> f.itemId().equals("1.2")).findFirst().orElseThrow();
		assertThat(lead.message()).contains("11 of the agency's 104 staff", "(11%)", "at least 5%");
		assertThat(lead.inputs()).contains("ItemRating[item=1.2, GREEN]",
				"SurveyAnswer[question=Q1, item=1.2: 104 respondents, 93 agreeing, 11 not agreeing]");
		ChallengeFlag exactlyFive = flags.stream().filter((f) -> f.itemId().equals("7.2")).findFirst().orElseThrow();
		assertThat(exactlyFive.message()).contains("2 of the agency's 40 staff");

		// the nightly results are the returns' own: findings, follow-ups and ratings, never a survey challenge
		assertThat(this.jdbc.sql("""
				select concat(s.agency_id, ' ', f.code, ' ', f.item_id, ' ', f.rule_name) from finding f join submission s on s.id = f.submission_id
				where s.cycle_id = ? order by 1""").param(CYCLE).query(String.class).list())
			.containsExactly("cambs-community-services ITEM_NOT_ANSWERED 8.3 CPS-CMP-01 Every item needs an answer",
					"cpft NO_ACTION_FOR_RED_OR_AMBER 3.2 CPS-ACT-01 Red and amber items need an improvement action");
		assertThat(this.jdbc.sql("""
				select concat(s.agency_id, ' ', f.item_id, ' ', f.due_date, ' ', f.rule_name) from follow_up_action f
				join submission s on s.id = f.submission_id where s.cycle_id = ?""").param(CYCLE).query(String.class).list())
			.singleElement().asString().startsWith("cpft 3.2 2017-10-28 CPS-FUA-01 ");
		Map<String, String> partnership = partnershipRatings();
		assertThat(partnership).containsEntry("1.2", "GREEN").containsEntry("5.1", "GREEN").containsEntry("3.2", "GREEN")
			.containsEntry("8.3", "GREEN").containsEntry("5", "GREEN");
	}

	@Test
	void noFlagWhere26Of26AgenciesRateReferralsGreenAnd99PercentOfStaffKnowWhatToDo() throws IOException {
		// given 26 agencies that all rate every item green, and a survey tool's counts: 100 staff each, 1 in 100 not knowing
		StringBuilder cycle = new StringBuilder("id: cp-26\npartnership: cambridgeshire-and-peterborough\ntitle: Twenty-six agencies\n"
				+ "opens: 2017-06-01\nreturnDeadline: 2017-09-29\nagencies:\n");
		StringBuilder counts = new StringBuilder("Agency,Question,Answer,Count\n");
		Files.createDirectories(this.folder.resolve("returns"));
		for (int a = 1; a <= 26; a++) {
			cycle.append("  - id: agency-").append(a).append("\n    name: \"Agency number ").append(a).append("\"\n");
			Files.writeString(this.folder.resolve("returns/agency-" + a + ".json"), greenReturn("cp-26", "agency-" + a, "Agency number " + a));
			counts.append("Agency number ").append(a).append(",Q6,Yes,99\n");
			counts.append("agency-").append(a).append(",\"Do you know what to do if you have a safeguarding concern about a child?\",No,1\n");
		}
		Files.writeString(this.folder.resolve("cycle.yaml"), cycle);
		Files.writeString(this.folder.resolve("counts.csv"), counts);
		this.cycles.open(this.folder.resolve("cycle.yaml"));
		assertThat(this.submissions.importPaths(List.of(this.folder.resolve("returns")), Optional.of("cp-26")).files()).hasSize(26);
		assertThat(this.evaluation.evaluateCycle("cp-26").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// when the counts are imported
		SurveyImport.Imported imported = this.surveys.importFile("cp-26", this.folder.resolve("counts.csv"));

		// then nothing is challenged, and the pack shows 26 of 26 agencies green beside 99% of staff
		assertThat(imported.format()).isEqualTo("counts");
		assertThat(imported.flags()).isEmpty();
		assertThat(this.challenge.flags("cp-26")).isEmpty();
		Path written = this.challengeDay.write("cp-26");
		String html = Files.readString(written.resolve("challenge-day.html"));
		assertThat(html).contains("26 of 26 (100%)", "2,574 of 2,600 (99%)", "The survey contradicts no agency’s self-rating.".replace('’', '\''));
		assertThat(Files.readString(written.resolve("survey-by-question.csv"))).contains("26 of 26 (100%)", "\"2,574 of 2,600 (99%)\"");
		assertThat(Files.readAllBytes(written.resolve("challenge-day.pdf"))).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void surveyDataCannotIdentifyARespondentInAnyTableRowOrOutputFileAndASmallGroupIsNotShown() throws IOException {
		// given the survey, the evaluated returns and the challenge-day pack
		this.surveys.importFile(CYCLE, SAMPLE.resolve("survey.csv"));
		this.evaluation.evaluateCycle(CYCLE);
		Path written = this.challengeDay.write(CYCLE);

		// the values of the export's respondent-level cells: ids, times, addresses, comments
		Set<String> respondentValues = respondentLevelValues(Files.readString(SAMPLE.resolve("survey.csv")));
		assertThat(respondentValues).hasSizeGreaterThan(1000);

		// then no table row of the database holds any of them
		List<String> tables = this.jdbc.sql("select table_name from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE'")
			.query(String.class).list();
		assertThat(tables).contains("survey_count", "survey_import", "challenge_flag", "audit_event");
		List<String> found = new ArrayList<>();
		for (String table : tables) {
			for (Map<String, Object> row : this.jdbc.sql("select * from `" + table + "`").query().listOfRows()) {
				String text = row.values().stream().map(String::valueOf).collect(Collectors.joining("\u0001"));
				respondentValues.stream().filter(text::contains).forEach((v) -> found.add(table + ": " + v));
			}
		}
		assertThat(found).as("respondent-level values stored").isEmpty();
		// nor any output file of the cycle
		try (Stream<Path> files = Files.walk(OUTPUT.resolve(CYCLE))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) + new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
				respondentValues.stream().filter(text::contains).forEach((v) -> found.add(file + ": " + v));
			}
		}
		assertThat(found).as("respondent-level values shown").isEmpty();
		// and only counts are kept: one row per agency and question
		assertThat(this.jdbc.sql("select count(*) from survey_count where cycle_id = ?").param(CYCLE).query(Integer.class).single()).isEqualTo(6 * 11);

		// Fenland's 6 respondents (3 said no to Q1 while it rates 1.2 green) are not judged or shown on their own
		String html = Files.readString(written.resolve("challenge-day.html"));
		assertThat(this.challenge.flags(CYCLE)).noneMatch((f) -> f.agencyId().equals("fenland-dc"));
		assertThat(html).doesNotContain("Fenland").contains("for 1 agency, some questions had fewer answers");
		assertThat(Files.readString(written.resolve("challenge-flags.csv"))).doesNotContain("Fenland");
		// the partnership-wide figure counts them: 14 of 410 staff did not know their lead (11 + 3)
		// 395 agreed (Fenland: 2 yes, 3 no, 1 did not know)
		assertThat(html).contains("395 of 410 (96%)");
	}

	@Test
	void aPartnershipWideFigureFromWhichASmallGroupCouldBeWorkedOutIsNotShown() throws IOException {
		// given a challenged agency of 100 shown on its own, and a group of 5 in the rest: the total less the 100 would show the 5
		Path counts = this.folder.resolve("counts.csv");
		Files.writeString(counts, "agency,question,answer,count\ncambs-constabulary,Q1,Yes,80\ncambs-constabulary,Q1,No,20\nfenland-dc,Q1,No,5\n"
				+ "cambs-constabulary,Q2,Yes,100\nfenland-dc,Q2,Yes,5\n");
		this.evaluation.evaluateCycle(CYCLE);
		this.surveys.importFile(CYCLE, counts);

		String html = Files.readString(this.challengeDay.write(CYCLE).resolve("challenge-day.html"));

		assertThat(html).contains("20 of 100 staff answering (20%) did not agree", "not shown, so that no group of fewer than 10 can be worked out from it")
			.doesNotContain("80 of 105", "25 (24%)");
		// where no agency is shown on its own, the total of 105 is shown
		assertThat(html).contains("105 of 105 (100%)");
	}

	@Test
	void aBadSurveyExportIsRefusedWithItsFileLineAndColumnAndNothingIsImported() throws IOException {
		this.surveys.importFile(CYCLE, SAMPLE.resolve("survey.csv"));
		List<Map<String, Object>> before = this.jdbc.sql("select * from survey_count order by agency_id, question_id").query().listOfRows();
		String header = "agency,Q1,Q2\n";

		assertThat(refused("unknown-agency.csv", header + "Fenland District Council,Yes,No\nFenland Distrct Council,Yes,Yes\n"))
			.singleElement().asString().startsWith("unknown-agency.csv:3:1: \"Fenland Distrct Council\" is not an agency of this cycle (by its id or its name)");
		assertThat(refused("short-row.csv", header + "cpft,Yes\n")).containsExactly("short-row.csv:2: this row has 2 cells where the headings have 3");
		assertThat(refused("no-agency.csv", "Team,Q1\nx,Yes\n")).singleElement().asString()
			.startsWith("no-agency.csv:1: no column is headed 'agency'");
		assertThat(refused("open-quote.csv", header + "cpft,\"Yes,No\n")).containsExactly("open-quote.csv:2:2: the quote \" opened here is never closed");
		assertThat(refused("bad-count.csv", "agency,question,answer,count\ncpft,Q1,Yes,ten\ncpft,Q99,Yes,3\n")).containsExactly(
				"bad-count.csv:2:4: the count \"ten\" is not a whole number of 0 or more",
				"bad-count.csv:3:2: \"Q99\" is not a question of the survey (survey.yaml names [Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9, Q10, Q11])");
		assertThat(refused("empty.csv", "")).singleElement().asString().contains("the file is empty");

		// nothing of any bad file was counted: the survey imported first is intact
		assertThat(this.jdbc.sql("select * from survey_count order by agency_id, question_id").query().listOfRows()).isEqualTo(before);
		assertThat(this.audit.history(CYCLE)).filteredOn((e) -> e.action() == AuditAction.SURVEY_IMPORTED).hasSize(1);
	}

	@Test
	void aModerationIsRecordedWithWhoWhenAndWhyAndChangesThePartnershipRatingAsTheRulesSay() throws IOException {
		this.evaluation.evaluateCycle(CYCLE);
		assertThat(partnershipRatings()).containsEntry("1.2", "GREEN").containsEntry("1", "GREEN");

		// one agency moderated to amber: 1 of 6 (17%) is still fewer than 20%
		this.moderation.record(new ModerationManagement.Moderation(CYCLE, "cambs-constabulary", "1.2", "amber", "Challenge day panel",
				"Survey: 11 of 104 staff did not know their lead", LocalDate.of(2017, 11, 15)));
		this.evaluation.evaluateCycle(CYCLE);
		assertThat(partnershipRatings()).containsEntry("1.2", "GREEN");

		// a second: 2 of 6 is exactly a third, which the rule makes amber; standard 1 rolls up amber for both agencies
		this.moderation.record(new ModerationManagement.Moderation(CYCLE, "fenland-dc", "1.2", "amber", "Challenge day panel",
				"Staff could not name the lead at the challenge day <script>alert(1)</script>", LocalDate.of(2017, 11, 15)));
		assertThat(this.evaluation.evaluateCycle(CYCLE).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(partnershipRatings()).containsEntry("1.2", "AMBER").containsEntry("1", "AMBER").containsEntry("2.2", "GREEN");
		Map<String, Object> rated = this.jdbc.sql("select rule_name, reason, inputs from partnership_rating where cycle_id = ? and item_id = '1.2'")
			.param(CYCLE).query().singleRow();
		assertThat(rated.get("rule_name").toString()).startsWith("CPS-PRT-02 ");
		assertThat(rated.get("reason").toString()).contains("2 of 6 agencies");
		assertThat(rated.get("inputs").toString()).contains("Counts the moderated rating where one is recorded (the pack's policy), for 2 agencies");
		// the agencies' own results are unchanged: the moderated rating sits beside the self-rating
		assertThat(this.jdbc.sql("select count(*) from finding f join submission s on s.id = f.submission_id where s.cycle_id = ?")
			.param(CYCLE).query(Integer.class).single()).isEqualTo(2);

		// on the audit trail, with who, when and why, and side by side in the challenge-day pack
		assertThat(this.audit.history(CYCLE)).filteredOn((e) -> e.action() == AuditAction.RATING_MODERATED)
			.extracting((e) -> e.subject() + " | " + e.detail() + " | " + e.reason())
			.contains("agency fenland-dc, item 1.2 | moderated to Amber on 2017-11-15, agreed by Challenge day panel | Staff could not name the lead at the challenge day <script>alert(1)</script>");
		String html = Files.readString(this.challengeDay.write(CYCLE).resolve("challenge-day.html"));
		assertThat(html).contains("the partnership-wide rating counts the moderated rating of an item where one is recorded",
				"<td>Fenland District Council</td><td>1.2</td><td>Green</td><td>Amber</td>", "15 November 2017",
				"challenge day &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
		assertThat(Files.readString(OUTPUT.resolve(CYCLE).resolve("challenge-day/moderated-ratings.csv")))
			.contains("Fenland District Council,1.2,Green,Amber,Challenge day panel,15 November 2017,");

		// the board summary the run wrote shows them too: the policy in its methodology, each one beside the agency's own
		String summary = Files.readString(OUTPUT.resolve(CYCLE).resolve("summary.html"));
		assertThat(summary).contains("the partnership-wide ratings count that moderated rating instead of the agency",
				"2 ratings of 2 agencies were moderated", "Moderated ratings beside agencies’ own", "Challenge day panel",
				"challenge day &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
		assertThat(summary.replaceAll("\\s+", " ")).containsPattern(
				"Fenland District Council</th> <td>1\\.2 [^<]*</td> <td>Green</td> <td>Amber</td> <td>Challenge day panel</td>");
		String json = Files.readString(OUTPUT.resolve(CYCLE).resolve("summary.json"));
		assertThat(json.replaceAll("\\s+", "")).contains("\"countsModerated\":true", "\"ownRating\":\"Green\"", "\"moderatedRating\":\"Amber\"");
	}

	@Test
	void aModerationOffTheScaleOrOfAClosedCycleIsRefusedSayingWhy() {
		this.evaluation.evaluateCycle(CYCLE);
		assertThatExceptionOfType(ModerationException.class)
			.isThrownBy(() -> this.moderation.record(new ModerationManagement.Moderation(CYCLE, "cpft", "3.2", "ambre", "Panel", "why", null)))
			.withMessage("'ambre' is not a rating of the RAG with N/A scale (its ratings: green, amber, red, n/a). Did you mean amber?");
		assertThatExceptionOfType(ModerationException.class)
			.isThrownBy(() -> this.moderation.record(new ModerationManagement.Moderation(CYCLE, "cpft", "9.9", "amber", "Panel", "why", null)))
			.withMessageStartingWith("Item '9.9' is not in the Cambridgeshire and Peterborough Safeguarding Children Partnership framework.");
		assertThatExceptionOfType(ModerationException.class)
			.isThrownBy(() -> this.moderation.record(new ModerationManagement.Moderation(CYCLE, "cpft", "3.2", "amber", " ", "why", null)))
			.withMessageContaining("who agreed");
		this.cycles.markClosed(CYCLE, LocalDateTime.of(2017, 12, 1, 12, 0), this.packs.currentVersion("cambridgeshire-and-peterborough"), 1);
		assertThatExceptionOfType(ModerationException.class)
			.isThrownBy(() -> this.moderation.record(new ModerationManagement.Moderation(CYCLE, "cpft", "3.2", "amber", "Panel", "why", null)))
			.withMessageContaining("is closed (edition 1 published)");
		assertThatExceptionOfType(SurveyImportException.class).isThrownBy(() -> this.surveys.importFile(CYCLE, SAMPLE.resolve("survey.csv")))
			.withMessageContaining("is closed (edition 1 published)");
		assertThat(this.jdbc.sql("select count(*) from moderated_rating").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from survey_count").query(Integer.class).single()).isZero();
	}

	private List<String> refused(String name, String content) throws IOException {
		Path file = this.folder.resolve(name);
		Files.writeString(file, content);
		try {
			this.surveys.importFile(CYCLE, file);
		}
		catch (SurveyImportException ex) {
			return ex.problems();
		}
		throw new AssertionError(name + " was imported");
	}

	private Map<String, String> partnershipRatings() {
		Map<String, String> ratings = new java.util.HashMap<>();
		this.jdbc.sql("select standard_id, item_id, rag from partnership_rating where cycle_id = ?").param(CYCLE)
			.query((rs, i) -> ratings.put(rs.getString(2).isEmpty() ? rs.getString(1) : rs.getString(2), rs.getString(3)))
			.list();
		return ratings;
	}

	/** Every respondent id, start time, address and comment of the export (the cells of its non-question columns). */
	private static Set<String> respondentLevelValues(String csv) {
		Set<String> values = new LinkedHashSet<>();
		Matcher m = Pattern.compile("(?m)^(R-\\d{6}),(\\S+ \\S+),([\\d.]+),").matcher(csv);
		while (m.find()) {
			values.add(m.group(1));
			values.add(m.group(2));
			values.add(m.group(3));
		}
		Matcher comments = Pattern.compile("Comment \\d+: I asked my manager, staff number \\d+").matcher(csv);
		while (comments.find()) {
			values.add(comments.group());
			values.add(comments.group().replaceAll(".*staff number ", "staff number "));
		}
		return values;
	}

	private static String greenReturn(String cycle, String agency, String name) {
		String items = Stream.of("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "6.1", "6.2", "7.1", "7.2",
				"8.1", "8.2", "8.3")
			.map((i) -> "{\"item\": \"" + i + "\", \"rating\": \"green\", \"evidence\": {\"text\": \"Held by the lead\"}}")
			.collect(Collectors.joining(",\n"));
		return "{\"format\": \"s11-submission/1\", \"partnership\": \"cambridgeshire-and-peterborough\", \"cycle\": \"" + cycle + "\",\n"
				+ "\"agency\": {\"id\": \"" + agency + "\", \"name\": \"" + name + "\"},\n"
				+ "\"completedBy\": {\"name\": \"Pat Example\", \"role\": \"Safeguarding lead\"},\n"
				+ "\"submittedAt\": \"2017-09-20T10:00:00Z\", \"responses\": [" + items + "], \"actions\": []}";
	}

}
