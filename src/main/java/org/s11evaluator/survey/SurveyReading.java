package org.s11evaluator.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a survey tool's CSV export into counts per agency and question, in either form a tool exports: one row per
 * respondent (a column naming the agency and one column per question, headed by the question's id or text), or counts
 * (columns agency, question, answer, count). Columns that are not a question of the pack's survey (free text, times,
 * respondent ids, addresses) are left out unread; their headings are reported, never their cells. Every problem is
 * collected with its line and column; any problem and nothing is counted.
 */
final class SurveyReading {

	static final List<String> COUNT_COLUMNS = List.of("agency", "question", "answer", "count");

	/** What was read: the counts, the form, and the headings of the columns left out. */
	record Read(List<SurveyCount> counts, String format, List<String> leftOut, int respondentRows) {
	}

	private final String file;

	private final SurveyMapping mapping;

	private final Map<String, String> agencies;

	private final List<String> problems = new ArrayList<>();

	/** {@code agencies}: each agency of the cycle's id and name, normalised, to its id. */
	SurveyReading(String file, SurveyMapping mapping, Map<String, String> agencies) {
		this.file = file;
		this.mapping = mapping;
		this.agencies = agencies;
	}

	Read read(String text) {
		List<SurveyCsv.Row> rows;
		try {
			rows = SurveyCsv.read(text);
		}
		catch (SurveyCsv.Unreadable ex) {
			throw new SurveyImportException(List.of(at(ex.line, ex.column, ex.getMessage())));
		}
		if (rows.isEmpty()) {
			throw new SurveyImportException(List.of(this.file + ": the file is empty: a survey export starts with a line of column headings"));
		}
		List<String> header = rows.get(0).cells().stream().map(SurveyMapping::normal).toList();
		Read read = (header.size() == 4 && Set.copyOf(header).equals(Set.copyOf(COUNT_COLUMNS))) ? counts(rows, header) : respondents(rows);
		if (!this.problems.isEmpty()) {
			throw new SurveyImportException(this.problems);
		}
		return read;
	}

	private Read respondents(List<SurveyCsv.Row> rows) {
		List<String> header = rows.get(0).cells();
		int agencyColumn = -1;
		Map<Integer, SurveyMapping.Question> questions = new LinkedHashMap<>();
		List<String> leftOut = new ArrayList<>();
		for (int c = 0; c < header.size(); c++) {
			String heading = header.get(c);
			Optional<SurveyMapping.Question> question = this.mapping.question(heading);
			if (SurveyMapping.normal(heading).equals(SurveyMapping.normal(this.mapping.agencyColumn())) && agencyColumn < 0) {
				agencyColumn = c;
			}
			else if (question.isPresent()) {
				if (questions.containsValue(question.get())) {
					this.problems.add(at(1, c + 1, "question " + question.get().id() + " (\"" + question.get().question() + "\") has a second column here"));
				}
				questions.put(c, question.get());
			}
			else {
				leftOut.add(heading.isBlank() ? "(column " + (c + 1) + ", no heading)" : heading.strip());
			}
		}
		if (agencyColumn < 0) {
			this.problems.add(at(1, 0, "no column is headed '" + this.mapping.agencyColumn() + "': a file of one row per respondent needs the "
					+ "respondent's agency in it (survey.yaml, agencyColumn); a file of counts has exactly the columns " + String.join(", ", COUNT_COLUMNS)));
		}
		if (questions.isEmpty()) {
			this.problems.add(at(1, 0, "no column is a question of the survey (survey.yaml names " + this.mapping.questions().stream()
				.map(SurveyMapping.Question::id).toList() + ", by id or by the question's text)"));
		}
		if (!this.problems.isEmpty()) {
			return new Read(List.of(), "respondents", leftOut, 0);
		}
		Map<String, int[]> counts = new LinkedHashMap<>();
		for (SurveyCsv.Row row : rows.subList(1, rows.size())) {
			if (row.cells().size() != header.size()) {
				this.problems.add(at(row.line(), 0, "this row has " + row.cells().size() + " cells where the headings have " + header.size()));
				continue;
			}
			String agency = agency(row.cells().get(agencyColumn), row.line(), agencyColumn + 1);
			if (agency == null) {
				continue;
			}
			questions.forEach((column, question) -> {
				String answer = SurveyMapping.normal(row.cells().get(column));
				if (!answer.isEmpty()) {
					add(counts, agency, question, answer, 1);
				}
			});
		}
		if (rows.size() == 1) {
			this.problems.add(at(1, 0, "the file has column headings but no respondents"));
		}
		return new Read(toCounts(counts), "respondents", leftOut, rows.size() - 1);
	}

	private Read counts(List<SurveyCsv.Row> rows, List<String> header) {
		int agencyColumn = header.indexOf("agency");
		int questionColumn = header.indexOf("question");
		int answerColumn = header.indexOf("answer");
		int countColumn = header.indexOf("count");
		Map<String, int[]> counts = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>();
		for (SurveyCsv.Row row : rows.subList(1, rows.size())) {
			if (row.cells().size() != 4) {
				this.problems.add(at(row.line(), 0, "this row has " + row.cells().size() + " cells where the headings have 4"));
				continue;
			}
			String agency = agency(row.cells().get(agencyColumn), row.line(), agencyColumn + 1);
			Optional<SurveyMapping.Question> question = this.mapping.question(row.cells().get(questionColumn));
			if (question.isEmpty()) {
				this.problems.add(at(row.line(), questionColumn + 1, "\"" + row.cells().get(questionColumn).strip() + "\" is not a question of the survey "
						+ "(survey.yaml names " + this.mapping.questions().stream().map(SurveyMapping.Question::id).toList() + ")"));
			}
			String answer = SurveyMapping.normal(row.cells().get(answerColumn));
			if (answer.isEmpty()) {
				this.problems.add(at(row.line(), answerColumn + 1, "the answer is blank: name the answer these respondents gave"));
			}
			Integer count = count(row.cells().get(countColumn), row.line(), countColumn + 1);
			if (agency == null || question.isEmpty() || answer.isEmpty() || count == null) {
				continue;
			}
			if (!seen.add(agency + "\u0000" + question.get().id() + "\u0000" + answer)) {
				this.problems.add(at(row.line(), 0, "the answer \"" + answer + "\" of agency " + agency + " to question " + question.get().id()
						+ " is counted on an earlier line too: give each answer once"));
				continue;
			}
			add(counts, agency, question.get(), answer, count);
		}
		if (rows.size() == 1) {
			this.problems.add(at(1, 0, "the file has column headings but no counts"));
		}
		return new Read(toCounts(counts), "counts", List.of(), 0);
	}

	private static void add(Map<String, int[]> counts, String agency, SurveyMapping.Question question, String answer, int n) {
		int[] c = counts.computeIfAbsent(agency + "\u0000" + question.id(), (k) -> new int[3]);
		c[0] += n;
		if (question.agree().contains(answer)) {
			c[1] += n;
		}
		else if (question.disagree().contains(answer)) {
			c[2] += n;
		}
	}

	private static List<SurveyCount> toCounts(Map<String, int[]> counts) {
		List<SurveyCount> list = new ArrayList<>();
		counts.forEach((key, c) -> {
			String[] k = key.split("\u0000");
			list.add(new SurveyCount(k[0], k[1], c[0], c[1], c[2]));
		});
		return list;
	}

	private String agency(String cell, int line, int column) {
		String name = SurveyMapping.normal(cell);
		if (name.isEmpty()) {
			this.problems.add(at(line, column, "the agency is blank: every answer must say which agency it is from"));
			return null;
		}
		String id = this.agencies.get(name);
		if (id == null) {
			this.problems.add(at(line, column, "\"" + cell.strip() + "\" is not an agency of this cycle (by its id or its name)"
					+ org.s11evaluator.rules.DidYouMean.closest(name, this.agencies.keySet()).map((c) -> "; did you mean " + c + "?").orElse("")));
		}
		return id;
	}

	private Integer count(String cell, int line, int column) {
		try {
			int n = Integer.parseInt(cell.strip());
			if (n >= 0) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		this.problems.add(at(line, column, "the count \"" + cell.strip() + "\" is not a whole number of 0 or more"));
		return null;
	}

	private String at(int line, int column, String message) {
		return this.file + ":" + line + ((column > 0) ? ":" + column : "") + ": " + message;
	}

}
