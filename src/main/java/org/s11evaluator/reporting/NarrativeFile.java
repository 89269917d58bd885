package org.s11evaluator.reporting;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The parts of the summary the partnership writes itself, after the Pan-London overview report template:
 * {@code narrative.md} (Markdown or plain text) beside the cycle's {@code cycle.yaml}, in sections headed
 * "# Introduction", "# Methodology", "# Conclusions" and "# Recommendations". Nothing is invented where a section
 * is missing: the summary says which are. Rendered with raw HTML escaped and unsafe links dropped.
 */
final class NarrativeFile {

	static final String NAME = "narrative.md";

	static final List<String> SECTIONS = List.of("Introduction", "Methodology", "Conclusions", "Recommendations");

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private NarrativeFile() {
	}

	/** The narrative beside the cycle's definition, or one that says it is missing (and why, if it cannot be read). */
	static CycleSummary.Narrative read(String definitionFile) {
		if (definitionFile == null) {
			return missing(null, "the cycle was opened without a cycle.yaml on record");
		}
		Path file = Path.of(definitionFile).resolveSibling(NAME);
		if (!Files.isRegularFile(file)) {
			return missing(file, null);
		}
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (MalformedInputException ex) {
			return missing(file, NAME + " is not UTF-8 text");
		}
		catch (IOException ex) {
			return missing(file, NAME + " cannot be read (" + ex.getMessage() + ")");
		}
		Map<String, StringBuilder> sections = new LinkedHashMap<>();
		StringBuilder current = null;
		for (String line : text.split("\\R", -1)) {
			String heading = line.matches("^#{1,2}\\s+.*") ? line.replaceFirst("^#{1,2}\\s+", "").strip() : null;
			String section = (heading != null) ? SECTIONS.stream().filter((s) -> s.equalsIgnoreCase(heading.replaceAll("[.:]$", "")))
				.findFirst().orElse(null) : null;
			if (section != null) {
				current = sections.computeIfAbsent(section, (k) -> new StringBuilder());
			}
			else if (current != null) {
				current.append(line).append('\n');
			}
		}
		Map<String, String> markdown = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (String section : SECTIONS) {
			String body = (sections.get(section) != null) ? sections.get(section).toString().strip() : "";
			if (body.isEmpty()) {
				missing.add(section);
			}
			else {
				markdown.put(section.toLowerCase(Locale.UK), body);
			}
		}
		return new CycleSummary.Narrative(file.getFileName().toString(), markdown.get("introduction"), markdown.get("methodology"),
				markdown.get("conclusions"), markdown.get("recommendations"), missing, null);
	}

	private static CycleSummary.Narrative missing(Path file, String problem) {
		return new CycleSummary.Narrative((file != null) ? file.getFileName().toString() : NAME, null, null, null, null, SECTIONS, problem);
	}

	/** Markdown as HTML in which everything the partnership wrote is text: raw HTML is escaped, javascript: links dropped. */
	static String html(String markdown) {
		return (markdown == null) ? "" : HTML.render(PARSER.parse(markdown));
	}

}
