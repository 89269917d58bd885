package org.s11evaluator.submission;

import java.util.List;
import java.util.Map;

/**
 * A return read from another format, as the JSON document it stands for ({@code json}, in the documented format;
 * null when nothing usable could be read), with where each value was found ({@code places}: a JSON pointer such as
 * {@code /responses/3/rating} to {@code Standard 6!D14}), the problems found while reading it (each already placed
 * at its sheet and cell), and warnings that do not stop it (such as items of an older template that no longer match).
 * {@code cycleId} and {@code agencyId} are what could be read of them, for recording a rejection.
 */
public record ConvertedReturn(String json, Map<String, String> places, String wholeFile, List<ImportProblem> problems,
		List<String> warnings, String cycleId, String agencyId) {

	public ConvertedReturn {
		places = Map.copyOf(places);
		problems = List.copyOf(problems);
		warnings = List.copyOf(warnings);
	}

	/** A file that could not be read at all, with every reason. */
	public static ConvertedReturn refused(String wholeFile, List<ImportProblem> problems) {
		return new ConvertedReturn(null, Map.of(), wholeFile, problems, List.of(), null, null);
	}

	/** Where a pointer's value is: its own cell, else that of the nearest enclosing value, else the file. */
	Positions positions() {
		return (pointer) -> {
			String at = pointer;
			String place = this.places.get(at);
			while (place == null && !at.isEmpty()) {
				at = at.substring(0, at.lastIndexOf('/'));
				place = this.places.get(at);
			}
			return (place != null) ? place : this.wholeFile;
		};
	}

}
