package org.s11evaluator.workbook;

/**
 * The answer columns a standard's sheet can have, each one field of a response in the documented format. The rating
 * and the evidence are always asked for; the others where the pack's rules read them ({@link TemplateLayout}).
 */
enum Field {

	RATING("rating", "Rating", 22),
	EVIDENCE("evidence", "Evidence", 60),
	LINKS("links", "Evidence links (one per line)", 40),
	NA_REASON("naReason", "Reason it does not apply (for N/A)", 36),
	LAST_REVIEWED("lastReviewed", "Last reviewed (date)", 16),
	STATEMENT("statement", "Statement", 50);

	private final String key;

	private final String heading;

	private final int width;

	Field(String key, String heading, int width) {
		this.key = key;
		this.heading = heading;
		this.width = width;
	}

	/** The name the template's record uses for the column. */
	String key() {
		return this.key;
	}

	String heading() {
		return this.heading;
	}

	/** Its column width, in characters. */
	int width() {
		return this.width;
	}

	static Field of(String key) {
		for (Field field : values()) {
			if (field.key.equals(key)) {
				return field;
			}
		}
		return null;
	}

}
