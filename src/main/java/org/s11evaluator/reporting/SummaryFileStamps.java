package org.s11evaluator.reporting;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.s11evaluator.files.ContentHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the stamps of summary files ({@link VerifiedFiles.Stamp}) are kept between processes ({@code summary_file_stamp}),
 * by path, with the cycle whose summary holds the file: a run reads those of the cycles in its scope in one query, and
 * stores what it learnt of a cycle's files once that cycle is checked or written.
 */
@Component
class SummaryFileStamps {

	private final JdbcClient jdbc;

	SummaryFileStamps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Hands the stamps kept for these cycles' files to {@code verified}. */
	void load(List<String> cycleIds, VerifiedFiles verified) {
		if (cycleIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("select path, size, modified_nanos, changed_nanos, file_key, sha256 from summary_file_stamp where cycle_id in (:ids)")
			.param("ids", cycleIds)
			.query((rs) -> {
				verified.known(Path.of(rs.getString(1)),
						new VerifiedFiles.Stamp(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6)));
			});
	}

	/** Keeps the stamps of the cycle's files learnt since last kept (none if nothing was read or written). */
	void save(String cycleId, Path cycleFolder, VerifiedFiles verified) {
		Map<Path, VerifiedFiles.Stamp> learnt = verified.takeUnsaved(cycleFolder);
		if (learnt.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		learnt.forEach((path, stamp) -> rows.add(new Object[] { ContentHash.of(path.toString()), cycleId,
				path.toString(), stamp.size(), stamp.modifiedNanos(), stamp.changedNanos(), stamp.fileKey(), stamp.sha256() }));
		for (Object[] row : rows) {
			this.jdbc.sql("""
					insert into summary_file_stamp (path_hash, cycle_id, path, size, modified_nanos, changed_nanos, file_key, sha256)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					on duplicate key update cycle_id = values(cycle_id), size = values(size), modified_nanos = values(modified_nanos),
					  changed_nanos = values(changed_nanos), file_key = values(file_key), sha256 = values(sha256)""")
				.params(row)
				.update();
		}
	}

}
