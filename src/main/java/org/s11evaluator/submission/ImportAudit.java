package org.s11evaluator.submission;

import java.util.stream.Collectors;

import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Puts each imported file on the audit trail of its cycle: accepted, replaced or rejected (with why). */
@Component
class ImportAudit {

	private static final Logger log = LoggerFactory.getLogger(ImportAudit.class);

	private final AuditTrail audit;

	ImportAudit(AuditTrail audit) {
		this.audit = audit;
	}

	void imported(ImportReport.FileResult file) {
		AuditAction action = switch (file.outcome()) {
			case IMPORTED -> AuditAction.IMPORT_ACCEPTED;
			case REPLACED -> AuditAction.IMPORT_REPLACED;
			case REJECTED -> AuditAction.IMPORT_REJECTED;
			default -> null; // unchanged or older: nothing changed
		};
		if (action == null) {
			return;
		}
		String why = file.problems().stream().map(ImportProblem::toString).collect(Collectors.joining("; "));
		try {
			this.audit.record(file.cycleId(), action, file.source(), (file.agencyId() != null) ? "agency " + file.agencyId() : null,
					why.isEmpty() ? null : why);
		}
		catch (RuntimeException ex) {
			log.error("The import of {} could not be put on the audit trail: {}", LogValues.escape(file.source()), LogValues.escape(ex.getMessage()));
		}
	}

}
