package org.s11evaluator.evaluation;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.Submission;
import org.s11evaluator.submission.StoredSubmissions;
import org.springframework.batch.item.data.AbstractPaginatedDataItemReader;
import org.springframework.jdbc.core.simple.JdbcClient;

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

	private record Row(long id, int version, String cycleId, String partnershipId, String packId, Submission header) {
	}

	private final JdbcClient jdbc;

	private final StoredSubmissions submissions;

	private final SubmissionScope.Where where;

	private long after = Long.MIN_VALUE;

	private final PageInHand inHand;

	SubmissionsToEvaluateReader(JdbcClient jdbc, StoredSubmissions submissions, SubmissionScope.Where where, int pageSize, PageInHand inHand) {
		this.jdbc = jdbc;
		this.submissions = submissions;
		this.where = where;
		this.inHand = inHand;
		setName("submissionsToEvaluate");
		setPageSize(pageSize);
		setSaveState(false);
	}

	@Override
	protected Iterator<SubmissionToEvaluate> doPageRead() {
		while (true) {
			List<Row> page = nextPage();
			if (page.isEmpty()) {
				return Collections.emptyIterator();
			}
			this.after = page.get(page.size() - 1).id();
			Map<Long, Submission> headers = new java.util.LinkedHashMap<>();
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

	private List<Row> nextPage() {
		Map<String, Object> parameters = new HashMap<>(this.where.parameters());
		parameters.put("after", this.after);
		parameters.put("pageSize", this.pageSize);
		// the page's returns, then their headers joined to them by primary key: one query
		String pageOfIds = "select id, version, cycle_id, partnership_id, pack_id from " + SubmissionScope.SUBMISSIONS + " " + this.where.sql()
				+ " and id > :after order by id limit :pageSize";
		return this.jdbc.sql("select p.id, p.version, p.cycle_id, p.partnership_id, p.pack_id, " + StoredSubmissions.HEADER_COLUMNS + " from ("
				+ pageOfIds + ") p join submission s on s.id = p.id join audit_cycle c on c.id = s.cycle_id join agency a on a.id = s.agency_id"
				+ " order by p.id")
			.params(parameters)
			.query((rs, row) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), StoredSubmissions.header(rs, 6)))
			.list();
	}

}
