package org.s11evaluator.submission;

import java.util.List;

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

	/** Removes the contact details of the cycle's returns that still have any; returns how many returns had. */
	@Transactional
	public int remove(String cycleId) {
		record Held(long id, String document) {
		}
		List<Held> held = this.jdbc.sql("""
				select id, document from submission
				where cycle_id = ? and (completed_by_email is not null or completed_by_phone is not null) for update""")
			.param(cycleId)
			.query((rs, i) -> new Held(rs.getLong(1), rs.getString(2)))
			.list();
		for (Held submission : held) {
			this.jdbc.sql("update submission set completed_by_email = null, completed_by_phone = null, document = ? where id = ?")
				.params(withoutContact(submission.document()), submission.id())
				.update();
		}
		return held.size();
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
