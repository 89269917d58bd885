package org.s11evaluator.audit;

/** What happened to a cycle, as the audit trail names it. */
public enum AuditAction {

	IMPORT_ACCEPTED("return imported"), IMPORT_REPLACED("return replaced by a corrected one"), IMPORT_REJECTED("return rejected"),
	EVALUATION_RUN("evaluation run"), PACK_VERSION_FIRST_USED("rule-pack version first used"), CLOSED("cycle closed"),
	CLOSE_REFUSED("closing refused"), REOPENED("cycle reopened"), RETENTION("retention"),
	SURVEY_IMPORTED("staff survey imported"), RATING_MODERATED("moderated rating recorded");

	private final String words;

	AuditAction(String words) {
		this.words = words;
	}

	/** The action in plain words, for people reading a history. */
	public String words() {
		return this.words;
	}

}
