package org.s11evaluator.evaluation;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.Submission;
import org.s11evaluator.submission.ReturnsToEvaluate;
import org.s11evaluator.submission.StoredSubmissions;
import org.springframework.batch.item.data.AbstractPaginatedDataItemReader;

/**
 * Reads the returns in scope a page at a time, by id, together with everything they say: three queries a page
 * (the page with its returns' headers, then the answers and the actions of all its returns), not three a return.
 * <p>
 * It keeps no position between runs. Its scope selects only returns without current results, so a restarted
 * run simply asks again and whatever was committed before a crash is no longer selected; a restarted full
 * ({@code --all}) run starts over, and its writes replace rather than duplicate. Within a run, pages follow
 * the last id read (keyset paging): returns written meanwhile leave the scope without shifting any page.
 */
class SubmissionsToEvaluateReader extends AbstractPaginatedDataItemReader<SubmissionToEvaluate> {

	private final ReturnsToEvaluate returns;

	private final StoredSubmissions submissions;

	private final ReturnsToEvaluate.Scope scope;

	private long after = Long.MIN_VALUE;

	private final PageInHand inHand;

	SubmissionsToEvaluateReader(ReturnsToEvaluate returns, StoredSubmissions submissions, ReturnsToEvaluate.Scope scope, int pageSize,
			PageInHand inHand) {
		this.returns = returns;
		this.submissions = submissions;
		this.scope = scope;
		this.inHand = inHand;
		setName("submissionsToEvaluate");
		setPageSize(pageSize);
		setSaveState(false);
	}

	@Override
	protected Iterator<SubmissionToEvaluate> doPageRead() {
		while (true) {
			// the page's returns with their headers: one query (then their answers and actions: two more)
			List<ReturnsToEvaluate.ReturnToEvaluate> page = this.returns.page(this.scope, this.after, this.pageSize);
			if (page.isEmpty()) {
				return Collections.emptyIterator();
			}
			this.after = page.get(page.size() - 1).id();
			Map<Long, Submission> headers = new LinkedHashMap<>();
			page.forEach((row) -> headers.put(row.id(), row.header()));
			Map<Long, SubmissionFacts> facts = this.submissions.facts(headers);
			List<SubmissionToEvaluate> items = page.stream()
				.map((row) -> new SubmissionToEvaluate(row.id(), row.version(), row.cycleId(), row.partnershipId(), row.packId(),
						facts.get(row.id())))
				.toList();
			if (!items.isEmpty()) {
				this.inHand.set(items);
				return items.iterator();
			}
		}
	}

}
