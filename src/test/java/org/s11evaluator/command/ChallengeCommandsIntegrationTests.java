package org.s11evaluator.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** import-survey, challenge-day and moderate on the command line, and the demo of the sample cycle with a staff survey. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ChallengeCommandsIntegrationTests {

	private static final Path OUTPUT = Path.of("target/challenge-command-test-output");

	private static final String CYCLE = "cambridgeshire-and-peterborough-2017";

	@DynamicPropertySource
	static void output(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	Commands commands;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@BeforeEach
	void emptyDatabase() {
		this.database.clean();
	}

	@Test
	void theDemoOfTheSampleWithASurveyImportsItEvaluatesAndWritesTheChallengeDayPack(CapturedOutput output) throws IOException {
		this.commands.run(new DefaultApplicationArguments("demo", "samples/with-survey"));

		assertThat(this.commands.getExitCode()).isZero();
		assertThat(output).contains("Imported the staff survey of " + CYCLE + " from survey.csv: counts for 6 agencies and 11 questions, from 410 "
				+ "respondents' rows (only the counts are kept).", "Columns left out unread (not a question of the survey): Respondent ID, Start Date, "
				+ "IP Address, Any other comments?", "COMPLETED: 6 submission(s) evaluated", "Challenge-day pack of " + CYCLE);
		Path pack = OUTPUT.resolve(CYCLE).resolve("challenge-day");
		String html = Files.readString(pack.resolve("challenge-day.html"));
		assertThat(html).contains("Cambridgeshire Constabulary", "11 of 104 staff answering (11%) did not agree", "Rule CPS-CHL-01 ");
		assertThat(Files.readString(pack.resolve("challenge-flags.csv")).lines()).hasSize(1 + 5);
		assertThat(pack.resolve("challenge-day.pdf")).isNotEmptyFile();
	}

	@Test
	void moderateRecordsARatingAndRefusesOneOffTheScaleWithExitCodeOne(CapturedOutput output) {
		this.commands.run(new DefaultApplicationArguments("demo", "samples/with-survey"));

		this.commands.run(new DefaultApplicationArguments("moderate", "--cycle=" + CYCLE, "--agency=cpft", "--item=6.2", "--rating=purple",
				"--agreed-by=Challenge day panel", "--reason=Survey"));
		assertThat(this.commands.getExitCode()).isEqualTo(1);
		assertThat(output).contains("Not recorded: 'purple' is not a rating of the RAG with N/A scale (its ratings: green, amber, red, n/a).");

		this.commands.run(new DefaultApplicationArguments("moderate", "--cycle=" + CYCLE, "--agency=cpft", "--item=6.2", "--rating=amber",
				"--agreed-by=Challenge day panel", "--reason=15% of staff not confident sharing information", "--on=2017-11-15"));
		assertThat(this.commands.getExitCode()).isZero();
		assertThat(output).contains("Recorded: item 6.2 of cpft moderated to amber on 2017-11-15, agreed by Challenge day panel.");
		assertThat(this.jdbc.sql("select count(*) from moderated_rating").query(Integer.class).single()).isEqualTo(1);

		this.commands.run(new DefaultApplicationArguments("history", "--cycle=" + CYCLE));
		assertThat(output).contains("moderated rating recorded", "staff survey imported");
	}

	@Test
	void importSurveyOfABadFileSaysWhereAndExitsOne(CapturedOutput output) throws IOException {
		this.commands.run(new DefaultApplicationArguments("open-cycle", "samples/with-survey/" + CYCLE + "/cycle.yaml"));
		Path bad = this.folder.resolve("export.csv");
		Files.writeString(bad, "agency,Q1\nNobody Council,Yes\n");

		this.commands.run(new DefaultApplicationArguments("import-survey", "--cycle=" + CYCLE, bad.toString()));

		assertThat(this.commands.getExitCode()).isEqualTo(1);
		assertThat(output).contains("Not imported: export.csv:2:1: \"Nobody Council\" is not an agency of this cycle");
		assertThat(this.jdbc.sql("select count(*) from survey_count").query(Integer.class).single()).isZero();
	}

}
