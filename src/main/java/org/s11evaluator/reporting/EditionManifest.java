package org.s11evaluator.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Names what one published edition of a cycle's summary is ({@code editions/<n>/edition.manifest.json}): its files
 * with their size and SHA-256, the rule-pack version it was evaluated and rated by, the returns it was built from
 * (each with its content hash), when it was built and by whom.
 */
record EditionManifest(String format, String cycleId, int edition, String packId, String packVersion, Instant builtAt, LocalDate asOf,
		String builtBy, List<Input> inputs, List<SummaryManifest.File> files) {

	static final String NAME = "edition.manifest.json";

	static final String FORMAT = "s11-edition-manifest/1";

	/** A return the edition was built from: the agency, the stored return and its version, and its content's SHA-256. */
	record Input(String agencyId, long submissionId, int version, String contentHash) {
	}

}
