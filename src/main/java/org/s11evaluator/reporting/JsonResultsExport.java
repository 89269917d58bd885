package org.s11evaluator.reporting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.s11evaluator.files.AtomicFiles;
import org.springframework.stereotype.Component;

/** Writes a cycle's results, with every explanation, to {@code <output>/<cycle>/evaluation-results.json}. */
@Component
public class JsonResultsExport {

	private final ObjectMapper json;

	private final Path outputDirectory;

	private final Clock clock;

	JsonResultsExport(ObjectMapper json, ReportingSettings settings, Clock clock) {
		this.clock = clock;
		this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
		this.outputDirectory = settings.outputDirectory();
	}

	public Path write(CycleResults results) {
		Path file = OutputFolder.resolve(this.outputDirectory, results.cycleId(), "evaluation-results.json");
		Document document = new Document("s11-evaluation-results/1", this.clock.instant(), results);
		AtomicFiles.write(file, (out) -> this.json.writeValue(out, document));
		return file;
	}

	record Document(String format, Instant generatedAt, CycleResults cycle) {
	}

}
