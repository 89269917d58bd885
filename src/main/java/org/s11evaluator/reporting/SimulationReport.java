package org.s11evaluator.reporting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.s11evaluator.simulation.DraftSimulation;
import org.s11evaluator.files.AtomicFiles;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Writes a draft simulation as HTML to {@code <output>/simulations/}. */
@Component
public class SimulationReport {

	private final ITemplateEngine templates;

	private final Path output;

	private final Clock clock;

	SimulationReport(ITemplateEngine templates, ReportingSettings settings, Clock clock) {
		this.templates = templates;
		this.clock = clock;
		this.output = settings.outputDirectory();
	}

	public Path write(DraftSimulation.Result result) {
		Context context = new Context(Locale.UK);
		context.setVariable("r", result);
		Path file = OutputFolder.resolve(this.output.resolve("simulations"), result.cycleId() + "-" + result.packId() + "-"
				+ DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.ofInstant(this.clock.instant(), ZoneId.systemDefault())) + ".html");
		AtomicFiles.writeString(file, this.templates.process("simulation", context));
		return file;
	}

}
