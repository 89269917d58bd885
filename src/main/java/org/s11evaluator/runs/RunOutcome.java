package org.s11evaluator.runs;

import org.s11evaluator.evaluation.EvaluationSteps;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

/**
 * Whether a run did everything it was asked: it is COMPLETED only when every partnership's part, every step and
 * every summary ended COMPLETED. A part that ended FAILED, UNKNOWN (its outcome could not be recorded, as when
 * the database went away for a moment), STOPPED or ABANDONED makes the run FAILED, and is named in the reason.
 */
final class RunOutcome {

	private RunOutcome() {
	}

	/** What did not complete, one line per step or partnership; empty when the run did all it was asked. */
	static List<String> unfinished(JobExecution job) {
		return job.getStepExecutions().stream()
			// a restart lists, unsaved, the partitions that had completed before: they have nothing left to do
			.filter((step) -> step.getId() != null)
			.filter((step) -> step.getStatus() != BatchStatus.COMPLETED)
			.map(RunOutcome::describe)
			.toList();
	}

	private static String describe(StepExecution step) {
		String name = step.getStepName().startsWith(EvaluationSteps.PARTNERSHIP_STEP + ":")
				? "the evaluation of partnership " + step.getStepName().substring(EvaluationSteps.PARTNERSHIP_STEP.length() + 1)
				: step.getStepName();
		String why = switch (step.getStatus()) {
			case UNKNOWN -> " (its outcome could not be recorded: the database was probably unreachable for a while)";
			case ABANDONED -> " (left behind: it cannot be resumed, the next run evaluates what is left)";
			case STOPPED -> " (stopped before it ended)";
			case STARTING, STARTED, STOPPING -> " (still marked running when the run ended)";
			default -> firstLine(step.getExitStatus().getExitDescription());
		};
		return name + " ended " + step.getStatus() + why;
	}

	private static String firstLine(String description) {
		if (description == null || description.isBlank()) {
			return "";
		}
		String line = description.strip().lines().findFirst().orElse("");
		return ": " + ((line.length() > 300) ? line.substring(0, 300) + "..." : line);
	}

}
