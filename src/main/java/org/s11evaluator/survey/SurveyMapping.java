package org.s11evaluator.survey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.s11evaluator.yaml.LimitedYaml;

/**
 * A pack's {@code survey.yaml}: the survey's questions, the audit item each tests, and which answers agree and which do
 * not; and the column of a respondent's agency in a file of one row per respondent.
 */
record SurveyMapping(String agencyColumn, List<Question> questions) {

	static final String FILE = org.s11evaluator.rules.RulePacks.SURVEY_FILE;

	SurveyMapping {
		agencyColumn = (agencyColumn != null) ? agencyColumn : "agency";
		questions = (questions != null) ? List.copyOf(questions) : List.of();
	}

	record Question(String id, String item, String question, List<String> agree, List<String> disagree) {

		Question {
			agree = (agree != null) ? agree.stream().map(SurveyMapping::normal).toList() : List.of();
			disagree = (disagree != null) ? disagree.stream().map(SurveyMapping::normal).toList() : List.of();
		}

		/** Whether a column heading or a question in a counts file names this question: its id or its text. */
		boolean namedBy(String heading) {
			String h = normal(heading);
			return h.equals(normal(this.id)) || h.equals(normal(this.question));
		}

	}

	/** The pack's mapping, or none when the pack has no {@code survey.yaml}. */
	static Optional<SurveyMapping> of(Path packFolder) {
		Path file = packFolder.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(LimitedYaml.mapper().readValue(file.toFile(), SurveyMapping.class));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	Optional<Question> question(String heading) {
		return this.questions.stream().filter((q) -> q.namedBy(heading)).findFirst();
	}

	/** Lower case, inner spaces collapsed, spaces and end punctuation (?.:) trimmed: how headings and answers are matched. */
	static String normal(String text) {
		String t = (text == null) ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		return t.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
	}

}
