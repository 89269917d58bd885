package org.s11evaluator.cycle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.s11evaluator.rules.DidYouMean;

/**
 * Reads a cycle's {@code templates:} and {@code partnerships:} into its groups, and checks them: every expected
 * agency is judged by exactly one template (its own {@code template:}, else the one template listing its sector);
 * every template is a pack in the rules folder; every partnership names expected agencies only, and every expected
 * agency belongs to at least one partnership. Every problem names the cycle.yaml and the line.
 */
final class CycleGroupsCheck {

	/** The groups, the template of each expected agency (empty without templates) and the template of each sector. */
	record Resolved(List<CycleGroup> groups, Map<String, String> agencyPacks, Map<String, String> sectorPacks) {
	}

	private final Path file;

	private final String[] lines;

	private final List<String> problems = new ArrayList<>();

	private CycleGroupsCheck(Path file, String text) {
		this.file = file;
		this.lines = (text != null) ? text.split("\n", -1) : new String[0];
	}

	static Resolved resolve(Path file, String text, CycleDefinition cycle, Collection<String> knownPacks) {
		CycleGroupsCheck check = new CycleGroupsCheck(file, text);
		Resolved resolved = check.groups(cycle, knownPacks);
		if (!check.problems.isEmpty()) {
			throw new CycleException(String.join("\n", check.problems));
		}
		return resolved;
	}

	private Resolved groups(CycleDefinition cycle, Collection<String> knownPacks) {
		if (!cycle.templates().isEmpty() && cycle.rulePack() != null) {
			problem(line("rulePack", cycle.rulePack()), "a cycle gives either one rulePack or its templates, not both: remove rulePack (the first"
					+ " template is the cycle's default) or the templates");
		}
		if (!cycle.templates().isEmpty() && !cycle.partnerships().isEmpty()) {
			problem(line("partnerships", null), "a cycle gives either templates (agencies judged by different packs) or partnerships (one pack"
					+ " for several partnerships), not both");
		}
		if (!cycle.templates().isEmpty()) {
			return templates(cycle, knownPacks);
		}
		for (CycleDefinition.ExpectedAgency agency : cycle.agencies()) {
			if (agency.template() != null) {
				problem(line("template", agency.template()), "agency \"" + agency.id() + "\" names a template, but the cycle has no templates: list"
						+ " them under templates: (each a pack and its sectors), or remove the agency's template");
			}
		}
		if (!cycle.partnerships().isEmpty()) {
			return partnerships(cycle);
		}
		return new Resolved(List.of(), Map.of(), Map.of());
	}

	private Resolved templates(CycleDefinition cycle, Collection<String> knownPacks) {
		Map<String, String> sectorPacks = new LinkedHashMap<>();
		Map<String, CycleDefinition.Template> byPack = new LinkedHashMap<>();
		Map<String, List<String>> sectorTemplates = new LinkedHashMap<>();
		for (CycleDefinition.Template template : cycle.templates()) {
			if (template.pack() == null) {
				problem(line("templates", null), "every template needs its pack: write - pack: <rule pack id>, sectors: [...]");
				continue;
			}
			String idProblem = IdFormat.RULE_PACK.problem(template.pack());
			if (idProblem != null) {
				problem(line("pack", template.pack()), "template pack " + idProblem);
				continue;
			}
			if (!knownPacks.contains(template.pack())) {
				problem(line("pack", template.pack()), "template pack \"" + template.pack() + "\" is not a rule pack in the rules folder (packs: "
						+ String.join(", ", knownPacks) + ")" + hint(template.pack(), knownPacks));
			}
			if (byPack.putIfAbsent(template.pack(), template) != null) {
				problem(line("pack", template.pack()), "template pack \"" + template.pack() + "\" is listed twice: list each template once, with"
						+ " all its sectors");
			}
			for (String sector : template.sectors()) {
				sectorTemplates.computeIfAbsent(sector, (s) -> new ArrayList<>()).add(template.pack());
				sectorPacks.putIfAbsent(sector, template.pack());
			}
		}
		sectorTemplates.forEach((sector, packs) -> {
			if (packs.size() > 1) {
				problem(sectorLine(sector), "sector \"" + sector + "\" is listed under " + packs.size() + " templates (" + String.join(", ", packs)
						+ "): list each sector under one template, and give an agency that needs another its own template:");
			}
		});
		Map<String, String> agencyPacks = new LinkedHashMap<>();
		Map<String, List<String>> members = new LinkedHashMap<>();
		byPack.keySet().forEach((pack) -> members.put(pack, new ArrayList<>()));
		for (CycleDefinition.ExpectedAgency agency : cycle.agencies()) {
			String pack;
			if (agency.template() != null) {
				pack = agency.template();
				if (!byPack.containsKey(pack)) {
					problem(line("template", pack), "agency \"" + agency.id() + "\" names template \"" + pack + "\", which is not one of the cycle's"
							+ " templates (" + String.join(", ", byPack.keySet()) + ")" + hint(pack, byPack.keySet()));
					continue;
				}
			}
			else {
				List<String> matched = (agency.sector() != null) ? sectorTemplates.getOrDefault(agency.sector(), List.of()) : List.of();
				if (matched.isEmpty()) {
					problem(line("id", agency.id()), "agency \"" + agency.id() + "\" (sector " + ((agency.sector() != null) ? "\"" + agency.sector()
							+ "\"" : "not given") + ") is matched by no template: the templates cover the sectors "
							+ String.join(", ", sectorTemplates.keySet()) + hint(agency.sector(), sectorTemplates.keySet())
							+ "; give the agency a template: or add its sector to a template");
					continue;
				}
				if (matched.size() > 1) {
					problem(line("id", agency.id()), "agency \"" + agency.id() + "\" is matched by " + matched.size() + " templates ("
							+ String.join(", ", matched) + ", by its sector \"" + agency.sector() + "\"): give it its own template: or list its"
							+ " sector under one template only");
					continue;
				}
				pack = matched.get(0);
			}
			agencyPacks.put(agency.id(), pack);
			members.get(pack).add(agency.id());
		}
		List<CycleGroup> groups = new ArrayList<>();
		byPack.forEach((pack, template) -> groups.add(new CycleGroup(pack, CycleGroup.TEMPLATE,
				(template.name() != null) ? template.name() : pack, pack, members.get(pack))));
		return new Resolved(groups, agencyPacks, sectorPacks);
	}

	private Resolved partnerships(CycleDefinition cycle) {
		Set<String> expected = new HashSet<>();
		cycle.agencies().forEach((a) -> expected.add(a.id()));
		List<String> expectedInOrder = cycle.agencies().stream().map(CycleDefinition.ExpectedAgency::id).toList();
		Set<String> seen = new java.util.LinkedHashSet<>();
		Set<String> placed = new HashSet<>();
		List<CycleGroup> groups = new ArrayList<>();
		for (CycleDefinition.PartnershipGroup partnership : cycle.partnerships()) {
			String idProblem = IdFormat.PARTNERSHIP.problem(partnership.id());
			if (idProblem != null) {
				problem(line("partnerships", null), "a partnership's id " + idProblem);
				continue;
			}
			if ("editions".equals(partnership.id())) {
				problem(line("id", partnership.id()), "a partnership may not be called \"editions\": its summary's folder would be the cycle's"
						+ " editions folder; choose another id");
				continue;
			}
			if (!seen.add(partnership.id())) {
				problem(line("id", partnership.id()), "partnership \"" + partnership.id() + "\" is listed twice: list each partnership once");
				continue;
			}
			if (partnership.name() == null) {
				problem(line("id", partnership.id()), "partnership \"" + partnership.id() + "\" needs a name: (the name its board's summary gives it)");
			}
			if (partnership.agencies().isEmpty()) {
				problem(line("id", partnership.id()), "partnership \"" + partnership.id() + "\" lists no agencies: list the expected agencies that"
						+ " belong to it under its agencies:");
			}
			List<String> members = new ArrayList<>();
			for (String agency : partnership.agencies()) {
				if (!expected.contains(agency)) {
					problem(agencyInListLine(agency), "partnership \"" + partnership.id() + "\" lists agency \"" + agency + "\", which is not one of"
							+ " the cycle's agencies" + hint(agency, expectedInOrder) + ": list it under agencies: first");
					continue;
				}
				if (members.contains(agency)) {
					problem(agencyInListLine(agency), "partnership \"" + partnership.id() + "\" lists agency \"" + agency + "\" twice");
					continue;
				}
				members.add(agency);
				placed.add(agency);
			}
			groups.add(new CycleGroup(partnership.id(), CycleGroup.PARTNERSHIP, (partnership.name() != null) ? partnership.name() : partnership.id(),
					cycle.packId(), members));
		}
		for (String agency : expectedInOrder) {
			if (!placed.contains(agency)) {
				problem(line("id", agency), "agency \"" + agency + "\" belongs to none of the cycle's partnerships ("
						+ String.join(", ", seen) + "): list it under the agencies: of each partnership it belongs to");
			}
		}
		return new Resolved(groups, Map.of(), Map.of());
	}

	private static String hint(String written, Collection<String> known) {
		if (written == null) {
			return "";
		}
		return DidYouMean.closest(written, known).map((c) -> "; did you mean " + c + "?").orElse("");
	}

	private void problem(int line, String message) {
		this.problems.add(this.file + ((line > 0) ? ":" + line : "") + ": " + message);
	}

	/** The first line that writes {@code key: value} (or, with no value, the key), or 0. */
	private int line(String key, String value) {
		Pattern pattern = Pattern.compile("(^|[\\s{,\\-])" + Pattern.quote(key) + "\\s*:"
				+ ((value != null) ? "\\s*[\"']?" + Pattern.quote(value) + "[\"']?\\s*($|[,}#\\s])" : ""));
		return first(pattern);
	}

	/** The first line listing the sector under a template's sectors (in [...] or as - items). */
	private int sectorLine(String sector) {
		Pattern pattern = Pattern.compile("(sectors\\s*:.*[\\[,\\s]|^\\s*-\\s*)[\"']?" + Pattern.quote(sector) + "[\"']?\\s*($|[,\\]#])");
		return first(pattern);
	}

	/** The first line listing the agency id in a partnership's agencies (in [...] or as - items). */
	private int agencyInListLine(String agency) {
		Pattern pattern = Pattern.compile("(agencies\\s*:.*[\\[,\\s]|^\\s*-\\s*)[\"']?" + Pattern.quote(agency) + "[\"']?\\s*($|[,\\]#])");
		return first(pattern);
	}

	private int first(Pattern pattern) {
		for (int i = 0; i < this.lines.length; i++) {
			Matcher matcher = pattern.matcher(this.lines[i]);
			if (matcher.find()) {
				return i + 1;
			}
		}
		return 0;
	}

}
