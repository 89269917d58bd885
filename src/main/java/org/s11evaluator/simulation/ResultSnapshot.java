package org.s11evaluator.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.ItemIds;
import org.s11evaluator.rules.facts.Finding;
import org.s11evaluator.rules.facts.FollowUpAction;
import org.s11evaluator.rules.facts.PartnershipRating;

/**
 * What a cycle's results say, in a form two sets of results can be compared in: per agency, each item's and
 * standard's rating, each finding and each follow-up action; and each partnership-wide rating.
 */
public record ResultSnapshot(Map<String, Agency> agencies, Map<String, String> partnership) {

	/** One agency's results. Findings are counted, as the same finding can be made twice. */
	public record Agency(String name, Map<String, String> items, Map<String, String> standards, Map<String, Integer> findings,
			Map<String, String> followUps) {
	}

	/** One difference: {@code before} null means it appears, {@code after} null means it disappears. */
	public record Difference(String agency, String kind, String subject, String before, String after) {

		public String change() {
			return (this.before == null) ? "appears" : (this.after == null) ? "disappears" : "changes";
		}

	}

	static Agency agency(String name, EvaluationOutcome outcome) {
		Agency agency = new Agency(name, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
		outcome.itemRatings().forEach((d) -> agency.items().put(d.outcome().itemId(), d.outcome().rag().name()));
		outcome.standardRatings().forEach((d) -> agency.standards().put(d.outcome().standardId(), d.outcome().rag().name()));
		for (Derived<Finding> d : outcome.findings()) {
			agency.findings().merge(findingKey(d.outcome().code(), d.outcome().itemId(), d.outcome().standardId(), d.outcome().message()), 1,
					Integer::sum);
		}
		for (Derived<FollowUpAction> d : outcome.followUpActions()) {
			FollowUpAction a = d.outcome();
			agency.followUps().merge(subject(a.itemId(), a.standardId()), followUp(a.due(), a.owner(), a.action()), (x, y) -> x + " | " + y);
		}
		return agency;
	}

	static Map<String, String> partnership(EvaluationOutcome outcome) {
		Map<String, String> ratings = new TreeMap<>();
		for (Derived<PartnershipRating> d : outcome.partnershipRatings()) {
			ratings.put(subject(d.outcome().itemId(), d.outcome().standardId()), d.outcome().rag().name());
		}
		return ratings;
	}

	static String findingKey(String code, String itemId, String standardId, String message) {
		return code + " on " + subject(itemId, standardId) + ": " + message;
	}

	static String followUp(Object due, String owner, String action) {
		return "due " + due + ", owner " + owner + ": " + action;
	}

	static String subject(String itemId, String standardId) {
		return (itemId != null && !itemId.isEmpty()) ? "item " + itemId : "standard " + standardId;
	}

	/** Everything that differs from {@code before} to {@code after}, per agency then partnership-wide. */
	public static List<Difference> differences(ResultSnapshot before, ResultSnapshot after) {
		List<Difference> differences = new ArrayList<>();
		Set<String> agencies = new TreeSet<>(before.agencies().keySet());
		agencies.addAll(after.agencies().keySet());
		Agency none = new Agency(null, Map.of(), Map.of(), Map.of(), Map.of());
		for (String id : agencies) {
			Agency was = before.agencies().getOrDefault(id, none);
			Agency is = after.agencies().getOrDefault(id, none);
			String name = (is.name() != null) ? is.name() : was.name();
			compare(differences, name, "item rating", was.items(), is.items(), "item ");
			compare(differences, name, "standard rating", was.standards(), is.standards(), "standard ");
			Set<String> findings = new TreeSet<>(was.findings().keySet());
			findings.addAll(is.findings().keySet());
			for (String finding : findings) {
				int from = was.findings().getOrDefault(finding, 0);
				int to = is.findings().getOrDefault(finding, 0);
				for (int i = to; i < from; i++) {
					differences.add(new Difference(name, "finding", finding, "found", null));
				}
				for (int i = from; i < to; i++) {
					differences.add(new Difference(name, "finding", finding, null, "found"));
				}
			}
			compare(differences, name, "follow-up action", was.followUps(), is.followUps(), "");
		}
		compare(differences, "Partnership", "partnership rating", before.partnership(), after.partnership(), "");
		return differences;
	}

	private static void compare(List<Difference> differences, String agency, String kind, Map<String, String> before,
			Map<String, String> after, String prefix) {
		Set<String> keys = new TreeSet<>(java.util.Comparator.comparing(ItemIds::sortKey));
		keys.addAll(before.keySet());
		keys.addAll(after.keySet());
		for (String key : keys) {
			String was = before.get(key);
			String is = after.get(key);
			if (!Objects.equals(was, is)) {
				differences.add(new Difference(agency, kind, prefix + key, was, is));
			}
		}
	}

}
