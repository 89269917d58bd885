package org.s11evaluator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a cycle's record is, to compare before and after: every stored result row of its returns and its partnership
 * ratings, dumped as text, and the SHA-256 of every file in a folder.
 */
public final class CycleRecords {

	private CycleRecords() {
	}

	/** Every result row of the cycle (evaluations, item and standard ratings, findings, follow-ups, partnership ratings). */
	public static Map<String, List<String>> rows(JdbcTemplate jdbc, String cycleId) {
		Map<String, List<String>> rows = new TreeMap<>();
		String ofCycle = " x join submission s on s.id = x.submission_id where s.cycle_id = ? order by ";
		rows.put("evaluation", dump(jdbc, "select x.* from evaluation" + ofCycle + "x.submission_id", cycleId));
		rows.put("item_rating", dump(jdbc, "select x.* from item_rating" + ofCycle + "x.submission_id, x.item_id", cycleId));
		rows.put("standard_rating", dump(jdbc, "select x.* from standard_rating" + ofCycle + "x.submission_id, x.standard_id", cycleId));
		rows.put("finding", dump(jdbc, "select x.* from finding" + ofCycle + "x.id", cycleId));
		rows.put("follow_up_action", dump(jdbc, "select x.* from follow_up_action" + ofCycle + "x.id", cycleId));
		rows.put("partnership_rating",
				dump(jdbc, "select * from partnership_rating where cycle_id = ? order by standard_id, item_id", cycleId));
		rows.put("cycle_summary", dump(jdbc, "select * from cycle_summary where cycle_id = ?", cycleId));
		return rows;
	}

	private static List<String> dump(JdbcTemplate jdbc, String sql, String cycleId) {
		return jdbc.query(sql, (rs, i) -> {
			StringBuilder row = new StringBuilder();
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
				row.append(rs.getMetaData().getColumnLabel(c)).append('=').append(rs.getString(c)).append(" | ");
			}
			return row.toString();
		}, cycleId);
	}

	/** The SHA-256 of every regular file under the folder, by its path relative to it. */
	public static Map<String, String> files(Path folder) {
		Map<String, String> hashes = new TreeMap<>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				hashes.put(folder.relativize(file).toString(), sha256(Files.readAllBytes(file)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return hashes;
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
