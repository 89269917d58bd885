package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.s11evaluator.rules.facts.Finding;
import org.s11evaluator.rules.facts.FollowUpAction;

/** Compares what a pack concluded with what a case expects, in words a policy officer can act on. */
class RuleCaseMatcher {

	private final EvaluationOutcome outcome;

	RuleCaseMatcher(EvaluationOutcome outcome) {
		this.outcome = outcome;
	}

	List<String> missing(RuleCase.Outcomes expected) {
		List<String> failures = new ArrayList<>();
		for (RuleCase.ExpectedFinding f : expected.findings()) {
			if (this.outcome.findings().stream().noneMatch(matches(f))) {
				failures.add("expected finding " + describe(f) + "\n      but got " + actualFindings());
			}
		}
		for (RuleCase.ExpectedFollowUp a : expected.followUps()) {
			if (this.outcome.followUpActions().stream().noneMatch(matches(a))) {
				failures.add("expected follow-up action " + describe(a) + "\n      but got " + actualFollowUps());
			}
		}
		compareRatings("standard", expected.standards(), standardRatings(), failures);
		compareRatings("partnership-wide", expected.partnership(), partnershipRatings(), failures);
		compareRatings("item", expected.itemRatings(), itemRatings(), failures);
		return failures;
	}

	List<String> unwanted(RuleCase.Outcomes absent) {
		List<String> failures = new ArrayList<>();
		for (RuleCase.ExpectedFinding f : absent.findings()) {
			this.outcome.findings().stream().filter(matches(f)).findFirst().ifPresent((d) -> failures.add("expected no finding "
					+ describe(f) + "\n      but rule \"" + d.rule() + "\" found: " + d.outcome().message()));
		}
		for (RuleCase.ExpectedFollowUp a : absent.followUps()) {
			this.outcome.followUpActions().stream().filter(matches(a)).findFirst().ifPresent((d) -> failures.add("expected no follow-up action "
					+ describe(a) + "\n      but rule \"" + d.rule() + "\" generated one due " + d.outcome().due()));
		}
		absent.standards().forEach((id, rag) -> {
			if (rag.equalsIgnoreCase(standardRatings().get(id))) {
				failures.add("expected standard " + id + " not to be rated " + rag);
			}
		});
		absent.partnership().forEach((id, rag) -> {
			if (rag.equalsIgnoreCase(partnershipRatings().get(id))) {
				failures.add("expected " + id + " not to be rated " + rag + " partnership-wide");
			}
		});
		absent.itemRatings().forEach((id, rag) -> {
			if (rag.equalsIgnoreCase(itemRatings().get(id))) {
				failures.add("expected item " + id + " not to be rated " + rag);
			}
		});
		return failures;
	}

	private static void compareRatings(String what, Map<String, String> expected, Map<String, String> actual, List<String> failures) {
		expected.forEach((id, rag) -> {
			String got = actual.get(id);
			boolean expectsNone = "NONE".equalsIgnoreCase(rag);
			if (expectsNone ? got != null : !rag.equalsIgnoreCase(String.valueOf(got))) {
				failures.add("expected " + what + " " + id + " to be rated " + rag + "\n      but it was rated " + ((got != null) ? got : "nothing"));
			}
		});
	}

	private Map<String, String> standardRatings() {
		Map<String, String> ratings = new java.util.TreeMap<>();
		this.outcome.standardRatings().forEach((d) -> ratings.put(d.outcome().standardId(), d.outcome().rag().name()));
		return ratings;
	}

	/** Keyed by item id for item ratings and by standard id for standard ratings. */
	private Map<String, String> partnershipRatings() {
		Map<String, String> ratings = new java.util.TreeMap<>();
		this.outcome.partnershipRatings().forEach((d) -> ratings.put((d.outcome().itemId() != null) ? d.outcome().itemId()
				: d.outcome().standardId(), d.outcome().rag().name()));
		return ratings;
	}

	private Map<String, String> itemRatings() {
		Map<String, String> ratings = new java.util.TreeMap<>();
		this.outcome.itemRatings().forEach((d) -> ratings.put(d.outcome().itemId(), d.outcome().rag().name()));
		return ratings;
	}

	private static Predicate<Derived<Finding>> matches(RuleCase.ExpectedFinding e) {
		return (d) -> {
			Finding f = d.outcome();
			return (e.code() == null || e.code().equals(f.code())) && (e.item() == null || e.item().equals(f.itemId()))
					&& (e.standard() == null || e.standard().equals(f.standardId())) && ruleMatches(e.rule(), d.rule())
					&& (e.messageContains() == null || f.message().contains(e.messageContains()));
		};
	}

	private static Predicate<Derived<FollowUpAction>> matches(RuleCase.ExpectedFollowUp e) {
		return (d) -> {
			FollowUpAction a = d.outcome();
			return (e.item() == null || e.item().equals(a.itemId())) && (e.standard() == null || e.standard().equals(a.standardId()))
					&& (e.due() == null || e.due().equals(a.due())) && ruleMatches(e.rule(), d.rule())
					&& (e.ownerContains() == null || a.owner().contains(e.ownerContains()));
		};
	}

	/** A case may name a rule by its id alone ("SUS-EVD-01") or by its full name. */
	private static boolean ruleMatches(String expected, String actual) {
		return expected == null || actual.equals(expected) || actual.startsWith(expected + " ");
	}

	private String actualFindings() {
		List<String> found = this.outcome.findings().stream().map((d) -> d.outcome().code() + " on " + d.outcome().itemId()).toList();
		return found.isEmpty() ? "no findings" : String.join(", ", found);
	}

	private String actualFollowUps() {
		List<String> found = this.outcome.followUpActions().stream().map((d) -> d.outcome().itemId() + " due " + d.outcome().due()).toList();
		return found.isEmpty() ? "no follow-up actions" : String.join(", ", found);
	}

	private static String describe(RuleCase.ExpectedFinding f) {
		return join("code", f.code(), "item", f.item(), "standard", f.standard(), "rule", f.rule(), "message containing", f.messageContains());
	}

	private static String describe(RuleCase.ExpectedFollowUp a) {
		return join("item", a.item(), "standard", a.standard(), "due", a.due(), "owner containing", a.ownerContains(), "rule", a.rule());
	}

	private static String join(Object... pairs) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				parts.add(pairs[i] + " " + pairs[i + 1]);
			}
		}
		return "(" + String.join(", ", parts) + ")";
	}

}
