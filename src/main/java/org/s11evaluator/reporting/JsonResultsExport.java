package org.s11evaluator.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.stereotype.Component;

/** Writes a cycle's results, with every explanation, to {@code <output>/<cycle>/evaluation-results.json}. */
@Component
public class JsonResultsExport {

	private final ObjectMapper json;

	private final Path outputDirectory;

	JsonResultsExport(ObjectMapper json, ReportingSettings settings) {
		this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
		this.outputDirectory = settings.outputDirectory();
	}

	public Path write(CycleResults results) {
		Path file = OutputFolder.resolve(this.outputDirectory, results.cycleId(), "evaluation-results.json");
		try {
			Files.createDirectories(file.getParent());
			this.json.writeValue(file.toFile(), new Document("s11-evaluation-results/1", Instant.now(), results));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file.toAbsolutePath(), ex);
		}
	}

	record Document(String format, Instant generatedAt, CycleResults cycle) {
	}

}
