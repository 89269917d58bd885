package org.s11evaluator.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every coloured badge, bar segment and heatmap cell of the summary's style sheet meets WCAG 2.1 AA for text:
 * a contrast ratio of at least 4.5:1 between its text and its background, measured from the CSS colours.
 */
class BadgeContrastTests {

	private static final Pattern RULE = Pattern.compile("^\\s*((?:\\.[a-z0-9-]+(?:,\\s*)?)+)\\s*\\{\\s*background:\\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\\b;\\s*color:\\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\\b",
			Pattern.MULTILINE);

	@Test
	void everyColouredClassHasTextContrastOfAtLeastFourAndAHalfToOne() throws IOException {
		Map<String, Double> ratios = new LinkedHashMap<>();
		Matcher rule = RULE.matcher(Files.readString(Path.of("src/main/resources/templates/summary.html")));
		while (rule.find()) {
			for (String selector : rule.group(1).split(",\\s*")) {
				ratios.put(selector.strip(), contrast(rule.group(2), rule.group(3)));
			}
		}

		// every class the summary colours a rating, a level of a scale or a status with is measured
		assertThat(ratios.keySet()).contains(".green", ".amber", ".red", ".not-applicable", ".not-rated", ".overdue", ".open", ".done",
				".no-due-date", ".on-time", ".late", ".rejected", ".not-returned", ".lvl-green", ".lvl-amber", ".lvl-amber-2", ".lvl-red",
				".lvl-neutral-0", ".lvl-neutral-1", ".lvl-neutral-2", ".lvl-neutral-3");
		assertThat(ratios).allSatisfy((selector, ratio) -> assertThat(ratio).as(selector).isGreaterThanOrEqualTo(4.5));
	}

	/** A class that sets only a text colour: the colour it gives text. */
	private static final Pattern TEXT = Pattern.compile("^\\s*\\.([a-z-]+)\\s*\\{[^}]*?(?<!-)color:\\s*(#[0-9a-fA-F]{3,6})\\b[^}]*}", Pattern.MULTILINE);

	@Test
	void greyTextIsReadableOnEveryBackgroundItIsPrintedOn() throws IOException {
		Map<String, String> colours = new LinkedHashMap<>();
		Matcher rule = TEXT.matcher(Files.readString(Path.of("src/main/resources/templates/summary.html")));
		while (rule.find()) {
			if (!rule.group(0).contains("background")) {
				colours.put(rule.group(1), rule.group(2));
			}
		}
		assertThat(colours).containsKeys("muted", "small", "group-of", "subtitle");
		// white pages, the grey of table headings and row headings, the blue-grey of the rule box
		for (String background : List.of("#ffffff", "#e8edf3", "#f1f5f9")) {
			assertThat(colours).allSatisfy((selector, colour) -> assertThat(contrast(colour, background)).as(".%s on %s", selector, background)
				.isGreaterThanOrEqualTo(4.5));
		}
	}

	@Test
	void theContrastIsMeasuredAsWcagDefinesIt() {
		assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
		assertThat(contrast("#9aa3ad", "#ffffff")).isCloseTo(2.56, org.assertj.core.data.Offset.offset(0.05));
		assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.02));
	}

	/** WCAG 2.1 contrast ratio of two sRGB colours. */
	static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(String colour) {
		String hex = (colour.length() == 4) ? "#" + colour.substring(1).replaceAll("(.)", "$1$1") : colour;
		List<Double> channels = List.of(1, 3, 5).stream().map((i) -> Integer.parseInt(hex.substring(i, i + 2), 16) / 255.0)
			.map((c) -> (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)).toList();
		return 0.2126 * channels.get(0) + 0.7152 * channels.get(1) + 0.0722 * channels.get(2);
	}

}
