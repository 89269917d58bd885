package org.s11evaluator.rules.facts;

import java.time.LocalDate;

/** The return as a whole: who sent it, for which cycle, and when. */
public record Submission(String partnership, String cycle, String agencyId, String agencyName, String completedBy,
		String completedByRole, LocalDate submittedOn) implements Fact {

	/** Who owns actions the evaluation generates: the person who completed the return, for their agency. */
	public String responsibleLead() {
		String role = (this.completedByRole == null || this.completedByRole.isBlank()) ? ""
				: ", " + this.completedByRole;
		return this.completedBy + role + " (" + this.agencyName + ")";
	}

	@Override
	public String summary() {
		return "Submission[agency=" + this.agencyId + ", cycle=" + this.cycle + ", submitted=" + this.submittedOn + "]";
	}

}
