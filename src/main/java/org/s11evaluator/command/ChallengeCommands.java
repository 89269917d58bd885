package org.s11evaluator.command;

import java.io.PrintStream;
import java.nio.file.Path;

import org.s11evaluator.cycle.IdFormat;
import org.s11evaluator.moderation.ModeratedRating;
import org.s11evaluator.moderation.ModerationException;
import org.s11evaluator.moderation.ModerationManagement;
import org.s11evaluator.survey.ChallengeDay;
import org.s11evaluator.survey.SurveyImport;
import org.s11evaluator.survey.SurveyImportException;
import org.springframework.stereotype.Component;

/**
 * The commands of the challenge that follows a self-assessment: {@code import-survey}, {@code challenge-day} and
 * {@code moderate}. Each returns its exit code: 0 done, 1 refused (saying why, nothing changed).
 */
@Component
class ChallengeCommands {

	private final SurveyImport surveys;

	private final ChallengeDay challengeDay;

	private final ModerationManagement moderation;

	ChallengeCommands(SurveyImport surveys, ChallengeDay challengeDay, ModerationManagement moderation) {
		this.surveys = surveys;
		this.challengeDay = challengeDay;
		this.moderation = moderation;
	}

	/** The file of a sample cycle's staff survey, beside its cycle.yaml, that {@code demo} imports. */
	static final String SAMPLE_SURVEY = "survey.csv";

	static boolean handles(Object options) {
		return options instanceof CommandOptions.ImportSurvey || options instanceof CommandOptions.ChallengeDay
				|| options instanceof CommandOptions.Moderate;
	}

	int run(Object options, PrintStream out) {
		if (options instanceof CommandOptions.ImportSurvey survey) {
			IdFormat.CYCLE.check(survey.cycle, "--cycle");
			return importSurvey(survey.cycle, Path.of(survey.file), out);
		}
		if (options instanceof CommandOptions.ChallengeDay day) {
			IdFormat.CYCLE.check(day.cycle, "--cycle");
			return challengeDay(day.cycle, out);
		}
		CommandOptions.Moderate m = (CommandOptions.Moderate) options;
		IdFormat.CYCLE.check(m.cycle, "--cycle");
		try {
			ModeratedRating r = this.moderation.record(new ModerationManagement.Moderation(m.cycle, m.agency, m.item, m.rating, m.agreedBy,
					m.reason, m.on));
			out.println("Recorded: item " + r.itemId() + " of " + r.agencyId() + " moderated to " + r.rating() + " on " + r.agreedOn() + ", agreed by "
					+ r.agreedBy() + ". The next evaluation or summary of " + m.cycle + " rates the partnership with it as the pack's policy says.");
			return 0;
		}
		catch (ModerationException ex) {
			out.println("Not recorded: " + ex.getMessage());
			return 1;
		}
	}

	int challengeDay(String cycle, PrintStream out) {
		Path folder = this.challengeDay.write(cycle);
		out.println("Challenge-day pack of " + cycle + ": " + folder.resolve("challenge-day.html").toAbsolutePath());
		out.println("  also challenge-day.pdf, challenge-flags.csv, survey-by-question.csv and moderated-ratings.csv in that folder");
		return 0;
	}

	int importSurvey(String cycle, Path file, PrintStream out) {
		try {
			SurveyImport.Imported imported = this.surveys.importFile(cycle, file);
			out.println("Imported the staff survey of " + cycle + " from " + file.getFileName() + ": counts for " + plural(imported.agencies(), "agency", "agencies") + " and "
					+ plural(imported.questions(), "question", "questions") + ("respondents".equals(imported.format()) ? ", from " + imported.respondentRows()
							+ " respondents' rows (only the counts are kept)" : ", from a file of counts") + ".");
			if (!imported.leftOut().isEmpty()) {
				out.println("  Columns left out unread (not a question of the survey): " + String.join(", ", imported.leftOut()));
			}
			out.println("  " + plural(imported.flags().size(), "self-rating", "self-ratings") + " challenged by the survey; write the challenge-day pack with: challenge-day --cycle=" + cycle);
			return 0;
		}
		catch (SurveyImportException ex) {
			out.println("Not imported: " + ex.getMessage());
			return 1;
		}
	}

	private static String plural(int n, String one, String many) {
		return n + " " + ((n == 1) ? one : many);
	}

}
