package org.s11evaluator.runs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.evaluation.RunEvaluations;
import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Puts each evaluation run on the audit trail of every cycle it evaluated returns of (how many, by which pack
 * version, how many could not be), and the first use of a rule-pack version in a cycle.
 */
@Component
class EvaluationAudit implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(EvaluationAudit.class);

	private final RunEvaluations evaluations;

	private final AuditTrail audit;

	EvaluationAudit(RunEvaluations evaluations, AuditTrail audit) {
		this.evaluations = evaluations;
		this.audit = audit;
	}

	@Override
	public void afterJob(JobExecution execution) {
		try {
			record(execution);
		}
		catch (RuntimeException ex) {
			// the run's outcome stands; its report says it, and the trail says what it could
			log.error("Evaluation run {} could not be put on the audit trail: {}", execution.getId(), LogValues.escape(ex.getMessage()));
		}
	}

	private void record(JobExecution execution) {
		LocalDateTime startedUtc = LocalDateTime.ofInstant(execution.getStartTime().atZone(ZoneId.systemDefault()).toInstant(), ZoneOffset.UTC);
		String run = "evaluation run " + execution.getId() + " (" + execution.getStatus() + ")";
		for (RunEvaluations.Evaluated evaluated : this.evaluations.evaluatedBy(execution.getId())) {
			String cycle = evaluated.cycleId();
			String version = evaluated.packId() + " version " + evaluated.packVersion();
			this.audit.record(cycle, AuditAction.EVALUATION_RUN, run, evaluated.count() + " return(s) evaluated by rule pack " + version, null);
			if (!this.audit.recorded(cycle, AuditAction.PACK_VERSION_FIRST_USED, version)) {
				this.audit.record(cycle, AuditAction.PACK_VERSION_FIRST_USED, version, "by " + run, null);
			}
		}
		// by cycle: how many could not be evaluated, and the first reason in order
		Map<String, List<String>> failed = new TreeMap<>();
		for (RunEvaluations.Failed f : this.evaluations.failedSince(startedUtc)) {
			failed.computeIfAbsent(f.cycleId(), (c) -> new ArrayList<>()).add(f.reason());
		}
		failed.forEach((cycle, reasons) -> this.audit.record(cycle, AuditAction.EVALUATION_RUN, run,
				reasons.size() + " return(s) could not be evaluated", reasons.stream().min(String::compareTo).orElse(null)));
	}

}
