package org.s11evaluator.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePack;

/**
 * Where everything is in a template made from a pack, derived from the pack alone: one sheet per top-level group of
 * its framework (named in the framework's own word for it, {@code Standard 6} or {@code Area 6}), the columns of
 * answers its rules read, and the fixed sheets around them. The template records this layout in itself
 * ({@link TemplateRecord}), and an import reads a workbook by its record, so that a workbook made from an older
 * version of the pack is read as it was made.
 */
record TemplateLayout(List<Field> fields, Map<String, String> sheetByStandard) {

	static final String FRONT = "About this return";

	static final String ACTIONS = "Action Plan";

	static final String OUTSTANDING = "Outstanding practice";

	static final String GUIDANCE = "Guidance";

	static final String RECORD = "s11-template";

	/** Rows before a standard's first item (title, question, instructions, headings), 1-based row of the headings. */
	static final int HEADING_ROW = 4;

	/** Columns of a standard's sheet before the answers: the id, the wording, what was carried forward. */
	static final int ID_COLUMN = 0;

	static final int TEXT_COLUMN = 1;

	static final int CARRIED_COLUMN = 2;

	static final int FIRST_ANSWER_COLUMN = 3;

	/** The action plan's columns, in order (the record names each). */
	static final List<String> ACTION_FIELDS = List.of("item", "standard", "action", "lead", "due", "progress", "completed");

	static final List<String> ACTION_HEADINGS = List.of("Item", "Standard (for an action on a whole standard)", "Action", "Lead",
			"Due date", "Progress to date", "Completed on", "Carried forward");

	/** The action plan's first row of actions (1-based), below its headings. */
	static final int ACTIONS_HEADING_ROW = 3;

	/** Blank rows the action plan offers beyond those carried forward. */
	static final int BLANK_ACTION_ROWS = 100;

	/** Fields of the front sheet in order: the key the record gives each, its label, and a hint. */
	static final List<String[]> FRONT_FIELDS = List.of(
			new String[] { "cycle", "Audit cycle", "the cycle's id, as the partnership gave it" },
			new String[] { "agency.id", "Agency id", "lower-case letters, digits and hyphens, the same in every cycle (for example city-police)" },
			new String[] { "agency.name", "Agency name", "" },
			new String[] { "agency.sector", "Sector", "choose from the list" },
			new String[] { "completedBy.name", "Completed by: name", "who completed the return" },
			new String[] { "completedBy.role", "Completed by: role", "" },
			new String[] { "completedBy.email", "Completed by: e-mail", "" },
			new String[] { "completedBy.phone", "Completed by: phone", "" },
			new String[] { "submittedAt", "Date completed", "a date, such as 14/03/2025" });

	/** The first front field's row (1-based); the others follow, one a row. */
	static final int FRONT_FIRST_ROW = 5;

	/** The sectors the documented format knows. */
	static final List<String> SECTORS = List.of("police", "health", "local-authority", "probation", "youth-justice", "education",
			"voluntary", "prison", "other");

	private static final Pattern NOT_IN_SHEET_NAME = Pattern.compile("[\\[\\]:*?/\\\\']");

	static TemplateLayout of(RulePack pack) {
		String rules = String.join("\n", pack.ruleFiles().stream().map(RulePack.RuleFile::content).toList());
		List<Field> fields = new ArrayList<>(List.of(Field.RATING, Field.EVIDENCE, Field.LINKS));
		boolean notApplicable = pack.framework().scale().codes().contains("n/a");
		if (notApplicable || rules.contains("naReason") || rules.contains("hasNaReason")) {
			fields.add(Field.NA_REASON);
		}
		if (rules.contains("lastReviewed") || rules.contains("hasLastReviewed") || rules.contains("reviewedBefore")
				|| rules.contains("reviewedAfter")) {
			fields.add(Field.LAST_REVIEWED);
		}
		if (rules.contains("statement")) {
			fields.add(Field.STATEMENT);
		}
		Map<String, String> sheets = new LinkedHashMap<>();
		String word = capitalised(pack.framework().levels().group());
		for (Framework.Standard standard : pack.framework().standards()) {
			String name = NOT_IN_SHEET_NAME.matcher(word + " " + standard.id()).replaceAll("-");
			name = (name.length() > 31) ? name.substring(0, 31) : name;
			String unique = name;
			for (int n = 2; sheets.containsValue(unique); n++) {
				unique = name.substring(0, Math.min(name.length(), 27)) + " (" + n + ")";
			}
			sheets.put(standard.id(), unique);
		}
		return new TemplateLayout(List.copyOf(fields), sheets);
	}

	static String capitalised(String word) {
		return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
	}

	/** The column (0-based) of a field on a standard's sheet. */
	int column(Field field) {
		return FIRST_ANSWER_COLUMN + this.fields.indexOf(field);
	}

}
