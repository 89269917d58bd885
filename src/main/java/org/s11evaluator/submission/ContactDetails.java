package org.s11evaluator.submission;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal contact details of whoever completed a return (its {@code completedBy} email and phone), which
 * retention removes a set time after the return's cycle closed: from the stored columns and from the stored
 * document alike. Their name and role stay (the register of returns shows them), and so does the return's content
 * hash, which names what was received.
 */
@Component
public class ContactDetails {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ContactDetails(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Removes the contact details of the returns of the cycles given that still have any, in one read however many
	 * cycles; returns, by cycle, how many returns had.
	 */
	@Transactional
	public Map<String, Integer> remove(Collection<String> cycleIds) {
		record Held(String cycleId, long id, String document) {
		}
		if (cycleIds.isEmpty()) {
			return Map.of();
		}
		List<Held> held = this.jdbc.sql("""
				select cycle_id, id, document from submission
				where cycle_id in (:cycles) and (completed_by_email is not null or completed_by_phone is not null) for update""")
			.param("cycles", cycleIds)
			.query((rs, i) -> new Held(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.list();
		Map<String, Integer> removed = new TreeMap<>();
		for (Held submission : held) {
			this.jdbc.sql("update submission set completed_by_email = null, completed_by_phone = null, document = ? where id = ?")
				.params(withoutContact(submission.document()), submission.id())
				.update();
			removed.merge(submission.cycleId(), 1, Integer::sum);
		}
		removeFromRejectedFiles(cycleIds);
		return removed;
	}

	/** A contact value still in a file's text: {@code "email": "x"} or {@code "phone": "x"} with something in it. */
	private static final java.util.regex.Pattern CONTACT = java.util.regex.Pattern.compile("\"(email|phone)\"\\s*:\\s*\"[^\"]+\"");

	/**
	 * The same for the files of those cycles that were rejected (kept with their content so nothing an agency sent
	 * is lost): the keys go from a file that is JSON, the values from one that is not.
	 */
	private void removeFromRejectedFiles(Collection<String> cycleIds) {
		record Rejected(long id, String content) {
		}
		List<Rejected> rejected = this.jdbc.sql("""
				select id, content from rejected_submission where cycle_id in (:cycles)
				and (content like '%"email"%' or content like '%"phone"%') for update""")
			.param("cycles", cycleIds)
			.query((rs, i) -> new Rejected(rs.getLong(1), rs.getString(2)))
			.list();
		for (Rejected file : rejected) {
			if (!CONTACT.matcher(file.content()).find()) {
				continue;
			}
			String scrubbed;
			try {
				scrubbed = withoutContact(file.content());
			}
			catch (IllegalStateException notJson) {
				scrubbed = CONTACT.matcher(file.content()).replaceAll("\"$1\": \"\"");
			}
			this.jdbc.sql("update rejected_submission set content = ? where id = ?").params(scrubbed, file.id()).update();
		}
	}

	private String withoutContact(String document) {
		try {
			JsonNode root = this.json.readTree(document);
			if (root.get("completedBy") instanceof ObjectNode completedBy) {
				completedBy.remove(List.of("email", "phone"));
			}
			return this.json.writeValueAsString(root);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored return cannot be read to remove its contact details: " + ex.getOriginalMessage(), ex);
		}
	}

}
