package org.s11evaluator.runs;

import java.time.Duration;
import java.time.LocalDateTime;

/** What one evaluation run did. */
public record RunReport(long jobExecutionId, String scope, String status, LocalDateTime startedAt, LocalDateTime endedAt, int evaluated,
		int skipped, int rejectedFiles, int summariesWritten, String brokenPacks, String skipReasons, String failure) {

	public Duration duration() {
		return Duration.between(this.startedAt, this.endedAt);
	}

	/** One paragraph for the log and the console. */
	public String describe() {
		StringBuilder text = new StringBuilder();
		text.append("Run ").append(this.jobExecutionId).append(" (").append(org.s11evaluator.cycle.RunScope.describe(this.scope))
			.append(") ").append(this.status).append(" in ").append(this.duration().toMillis() / 1000.0).append(" s: ")
			.append(this.evaluated).append(" evaluated, ").append(this.skipped).append(" not evaluated, ").append(this.rejectedFiles)
			.append(" rejected file(s) in scope, ").append(this.summariesWritten).append(" summary(ies) written");
		if (this.evaluated == 0 && this.skipped == 0 && "COMPLETED".equals(this.status)) {
			text.append((this.summariesWritten == 0) ? ": nothing had changed since the last run"
					: ": no return had changed; summaries were written again");
		}
		if (this.brokenPacks != null && !this.brokenPacks.isBlank()) {
			text.append("; partnership ratings not updated (broken rule pack): ").append(this.brokenPacks);
		}
		if (this.skipReasons != null && !this.skipReasons.isBlank()) {
			text.append("\n  not evaluated because:\n").append(this.skipReasons.indent(4).stripTrailing());
		}
		if (this.failure != null && !this.failure.isBlank()) {
			text.append("\n  failed: ").append(this.failure);
		}
		return text.toString();
	}

}
