package org.s11evaluator.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.s11evaluator.rules.Framework;

/**
 * One return's answers for any pack, built from its framework, written both ways: as a JSON return in the documented
 * format and into a template as a person fills it in. Items run through the scale's levels in turn; every fifth
 * has no evidence, every third has two links, odd ones were reviewed long ago, and the last item is left unanswered,
 * so that the pack's rules have findings, actions and ratings of every kind to agree on.
 */
record PackAnswers(List<Answer> answers, List<Plan> plans, String outstanding) {

	static final LocalDate COMPLETED = LocalDate.of(2025, 3, 14);

	record Answer(String item, String code, String label, String evidence, List<String> links, String naReason, LocalDate lastReviewed,
			String statement) {
	}

	record Plan(String item, String standard, String action, String lead, LocalDate due) {
	}

	/** Answers using only the columns the template has (a JSON return could say more, but then it is not equivalent). */
	static PackAnswers of(Framework framework, boolean naReasons, boolean reviews, boolean statements) {
		List<Answer> answers = new ArrayList<>();
		List<Plan> plans = new ArrayList<>();
		List<Framework.Level> levels = framework.scale().levels();
		List<Framework.Item> items = framework.standards().stream().flatMap((s) -> s.items().stream()).toList();
		for (int i = 0; i < items.size() - 1; i++) {
			Framework.Item item = items.get(i);
			Framework.Level level = levels.get(i % levels.size());
			boolean na = level.code().equals("n/a");
			answers.add(new Answer(item.id(), level.code(), (i % 2 == 0) ? level.label() : level.label().toUpperCase(),
					(i % 5 == 4) ? null : "Audit evidence for " + item.id() + ": policy, training records; “quoted” & <escaped>",
					(i % 3 == 0) ? List.of("https://intranet.example/s11/" + item.id(), "https://intranet.example/audit/" + i) : List.of(),
					(na && naReasons) ? "Not a service we provide" : null,
					reviews ? ((i % 2 == 0) ? LocalDate.of(2024, 11, 1) : LocalDate.of(2019, 5, 1)) : null,
					(statements && i % 2 == 0) ? "We meet " + item.id() + " as the evidence shows." : null));
			if (i != 0 && !level.code().equals(levels.get(0).code()) && !na && i % 4 != 3) {
				plans.add(new Plan(item.id(), null, "Improve " + item.id(), "Lead for " + item.id(), LocalDate.of(2025, 9, 30)));
			}
		}
		plans.add(new Plan(null, framework.standards().get(0).id(), "Review the whole " + framework.levels().group(), "Head of service",
				LocalDate.of(2025, 12, 31)));
		return new PackAnswers(answers, plans, "Our safeguarding champions network, line one.\nLine two.");
	}

	Path writeJson(Path file, String pack, String cycle, String agencyId, String agencyName) {
		ObjectMapper json = new ObjectMapper();
		ObjectNode doc = json.createObjectNode();
		doc.put("format", "s11-submission/1").put("partnership", pack).put("cycle", cycle);
		doc.putObject("agency").put("id", agencyId).put("name", agencyName).put("sector", "health");
		doc.putObject("completedBy").put("name", "Sam Lead").put("role", "Named nurse").put("email", "sam@example.org").put("phone", "01234 567890");
		doc.put("submittedAt", COMPLETED + "T00:00:00Z");
		ArrayNode responses = doc.putArray("responses");
		for (Answer answer : this.answers) {
			ObjectNode response = responses.addObject().put("item", answer.item()).put("rating", answer.code());
			if (answer.evidence() != null || !answer.links().isEmpty()) {
				ObjectNode evidence = response.putObject("evidence");
				if (answer.evidence() != null) {
					evidence.put("text", answer.evidence());
				}
				if (!answer.links().isEmpty()) {
					ArrayNode links = evidence.putArray("links");
					answer.links().forEach(links::add);
				}
			}
			if (answer.naReason() != null) {
				response.put("naReason", answer.naReason());
			}
			if (answer.lastReviewed() != null) {
				response.put("lastReviewed", answer.lastReviewed().toString());
			}
			if (answer.statement() != null) {
				response.put("statement", answer.statement());
			}
		}
		ArrayNode actions = doc.putArray("actions");
		for (Plan plan : this.plans) {
			ObjectNode action = actions.addObject();
			if (plan.item() != null) {
				action.put("item", plan.item());
			}
			if (plan.standard() != null) {
				action.put("standard", plan.standard());
			}
			action.put("action", plan.action()).put("lead", plan.lead()).put("due", plan.due().toString());
		}
		doc.put("outstandingPractice", this.outstanding);
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Fills the template's front sheet (all but what the template pre-filled), every answer and the action plan. */
	void fill(Filling workbook, String agencyName) {
		workbook.front("Agency name", agencyName).front("Sector", "health").front("Completed by: name", "Sam Lead")
			.front("Completed by: role", "Named nurse").front("Completed by: e-mail", "sam@example.org")
			.front("Completed by: phone", "01234 567890").frontDate("Date completed", COMPLETED);
		for (Answer answer : this.answers) {
			workbook.answer(answer.item(), "Rating").setCellValue(answer.label());
			if (answer.evidence() != null) {
				workbook.answer(answer.item(), "Evidence").setCellValue(answer.evidence());
			}
			if (!answer.links().isEmpty()) {
				workbook.answer(answer.item(), "Evidence links").setCellValue(String.join("\n", answer.links()));
			}
			if (answer.naReason() != null) {
				workbook.answer(answer.item(), "Reason it does not apply").setCellValue(answer.naReason());
			}
			if (answer.lastReviewed() != null) {
				workbook.answer(answer.item(), "Last reviewed").setCellValue(answer.lastReviewed());
			}
			if (answer.statement() != null) {
				workbook.answer(answer.item(), "Statement").setCellValue(answer.statement());
			}
		}
		for (Plan plan : this.plans) {
			workbook.action(plan.item(), plan.standard(), plan.action(), plan.lead(), plan.due());
		}
		workbook.outstanding(this.outstanding);
	}

}
