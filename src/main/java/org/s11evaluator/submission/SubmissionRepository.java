package org.s11evaluator.submission;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.cycle.CycleQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores accepted returns (one current version per agency and cycle) and rejected ones with their reasons. */
@Repository
class SubmissionRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ObjectMapper json;

	private final Clock clock;

	private final CycleQueries cycles;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final org.s11evaluator.cycle.ReturnCycles returnCycles;

	SubmissionRepository(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json, Clock clock, CycleQueries cycles,
			org.s11evaluator.cycle.ReturnCycles returnCycles, org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.returnCycles = returnCycles;
		this.events = events;
		this.cycles = cycles;
		this.clock = clock;
		this.template = template;
		this.json = json;
	}

	record Stored(long id, int version, String contentHash, LocalDateTime submittedAt) {
	}

	Optional<Stored> find(String cycleId, String agencyId) {
		return this.jdbc.sql("select id, version, content_hash, submitted_at from submission where cycle_id = ? and agency_id = ?")
			.params(cycleId, agencyId)
			.query(Stored.class)
			.optional();
	}

	/** Whether the cycle's list of expected agencies names this agency. */
	boolean expected(String cycleId, String agencyId) {
		return this.cycles.expects(cycleId, agencyId); // the list is the cycle module's
	}

	long insert(SubmissionDocument doc, String source, String contentHash, String content) {
		this.jdbc.sql("""
				insert into submission (cycle_id, agency_id, version, content_hash, source, completed_by_name,
				  completed_by_role, completed_by_email, completed_by_phone, submitted_at, imported_at,
				  outstanding_practice, document)
				values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(doc.cycle(), doc.agency().id(), contentHash, source, doc.completedBy().name(), doc.completedBy().role(),
					doc.completedBy().email(), doc.completedBy().phone(), utc(doc.submittedAt()), utc(this.clock.instant()),
					doc.outstandingPractice(), content)
			.update();
		long id = find(doc.cycle(), doc.agency().id()).orElseThrow().id();
		standInCycle(id, doc);
		insertParts(id, doc);
		return id;
	}

	/** Replaces the stored version with a corrected one; its earlier evaluation no longer applies. */
	void replace(long id, SubmissionDocument doc, String source, String contentHash, String content) {
		this.jdbc.sql("""
				update submission set version = version + 1, content_hash = ?, source = ?, completed_by_name = ?,
				  completed_by_role = ?, completed_by_email = ?, completed_by_phone = ?, submitted_at = ?,
				  imported_at = ?, outstanding_practice = ?, document = ?,
				  evaluation_status = null, evaluated_version = null, evaluated_pack_version = null
				where id = ?""")
			.params(contentHash, source, doc.completedBy().name(), doc.completedBy().role(), doc.completedBy().email(),
					doc.completedBy().phone(), utc(doc.submittedAt()), utc(this.clock.instant()), doc.outstandingPractice(),
					content, id)
			.update();
		for (String table : List.of("item_response", "agency_action")) {
			this.jdbc.sql("delete from " + table + " where submission_id = ?").param(id).update();
		}
		// the results are the evaluation module's: it removes them, in this transaction, when told
		this.events.publishEvent(new ReturnCorrected(id));
		standInCycle(id, doc);
		insertParts(id, doc);
	}

	/**
	 * Records what the return holds of its cycle: the partnership, the agency's registered name and sector, the pack it is
	 * judged by (the name and sector are also what change detection sums for the agencies that sent returns).
	 */
	private void standInCycle(long id, SubmissionDocument doc) {
		org.s11evaluator.cycle.ReturnCycles.AgencyInCycle agency = this.returnCycles.agencies(doc.cycle(), List.of(doc.agency().id()))
			.get(doc.agency().id());
		if (agency != null) {
			this.jdbc.sql("update submission set partnership_id = ?, agency_name = ?, agency_sector = ?, pack_id = ? where id = ?")
				.params(agency.partnershipId(), agency.agencyName(), agency.agencySector(), agency.packId(), id)
				.update();
		}
	}

	private void insertParts(long id, SubmissionDocument doc) {
		this.template.batchUpdate("""
				insert into item_response (submission_id, item_id, standard_id, rating, statement, evidence_text,
				  evidence_links, na_reason, last_reviewed) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", doc.responses(), 500,
				(ps, r) -> {
					ps.setLong(1, id);
					ps.setString(2, r.item());
					ps.setString(3, r.standard());
					ps.setString(4, r.rating());
					ps.setString(5, r.statement());
					ps.setString(6, r.evidenceText());
					ps.setString(7, r.evidenceLinks().isEmpty() ? null : toJson(r.evidenceLinks()));
					ps.setString(8, r.naReason());
					ps.setObject(9, r.lastReviewed());
				});
		List<SubmissionDocument.Action> actions = doc.actions();
		for (int i = 0; i < actions.size(); i++) {
			SubmissionDocument.Action a = actions.get(i);
			this.jdbc.sql("""
					insert into agency_action (submission_id, position, item_id, standard_id, action_text, lead_name, due_date,
					  progress, completed_on)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, i + 1, a.item(), a.standard(), a.action(), a.lead(), a.due(), a.progress(), a.completed())
				.update();
		}
	}

	/** Records a rejected file once per content; returns false when this exact content was already recorded. */
	boolean reject(String source, String sourceHash, String contentHash, String cycleId, String agencyId, String content,
			List<ImportProblem> problems) {
		Integer existing = this.jdbc.sql("select count(*) from rejected_submission where source_hash = ? and content_hash = ?")
			.params(sourceHash, contentHash)
			.query(Integer.class)
			.single();
		if (existing > 0) {
			return false;
		}
		this.jdbc.sql("""
				insert into rejected_submission (source, source_hash, content_hash, cycle_id, agency_id, received_at, content)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(source, sourceHash, contentHash, cycleId, agencyId, utc(this.clock.instant()), content)
			.update();
		long id = this.jdbc.sql("select id from rejected_submission where source_hash = ? and content_hash = ?")
			.params(sourceHash, contentHash)
			.query(Long.class)
			.single();
		for (int i = 0; i < problems.size(); i++) {
			ImportProblem problem = problems.get(i);
			this.jdbc.sql("insert into rejection_reason (rejected_submission_id, position, location, item_id, message) values (?, ?, ?, ?, ?)")
				.params(id, i + 1, truncate(problem.location(), 500), truncate(problem.itemId(), 20), problem.message())
				.update();
		}
		return true;
	}

	/** A file that now imports cleanly is no longer a rejected return. */
	void clearRejections(String sourceHash) {
		this.jdbc.sql("delete from rejected_submission where source_hash = ?").param(sourceHash).update();
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private String toJson(List<String> links) {
		try {
			return this.json.writeValueAsString(links);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String truncate(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length);
	}


}
