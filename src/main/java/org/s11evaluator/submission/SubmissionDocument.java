package org.s11evaluator.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A return as agencies send it, in the documented JSON format ({@code docs/submission.schema.json}). */
record SubmissionDocument(String partnership, String cycle, Agency agency, Person completedBy, Instant submittedAt,
		List<Response> responses, List<Action> actions, String outstandingPractice) {

	record Agency(String id, String name, String sector) {
	}

	record Person(String name, String role, String email, String phone) {
	}

	record Response(String item, String standard, String rating, String statement, String evidenceText,
			List<String> evidenceLinks, String naReason, LocalDate lastReviewed) {
	}

	record Action(String item, String standard, String action, String lead, LocalDate due, String progress,
			LocalDate completed) {
	}

}
