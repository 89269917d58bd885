package org.s11evaluator.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.PackReturns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board summary read as a board member reads it: the first screen, in the framework's own words, at the level
 * the pack's partnership rule applies, with the pack's scale kept whole. Real returns as files, imported,
 * evaluated by the real packs and summarised.
 */
@IntegrationTest
class BoardSummaryIntegrationTests {

	private static final Path OUTPUT = Path.of("target/board-summary-test-output");

	private static final LocalDate AS_OF = LocalDate.of(2025, 10, 1);

	/** About 400 characters an agency wrote about its outstanding practice (its number follows). */
	private static final String PRACTICE = "Our safeguarding champions network meets monthly across every site, reviews learning from local "
			+ "practice reviews, and runs short lunchtime briefings for front-line staff; children and young people helped design the "
			+ "feedback cards used in every service, and their comments are reported to the board each quarter together with the actions "
			+ "taken in response, so that staff and families can see what changed as a result. Agency ";

	@DynamicPropertySource
	static void output(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	CycleSummaries summaries;

	@Autowired
	CycleManagement cycles;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	RulePacks packs;

	@Autowired
	DatabaseCleaner database;

	@TempDir
	Path folder;

	@BeforeEach
	void clean() {
		this.database.clean();
	}

	@Test
	void panSussexHeadlineFollowsTheGuidanceWhereAreasAndStandardsDisagree() throws IOException {
		// given 10 agencies: agencies 0-7 each rate a different standard of area 9 amber (1 in 10 each: every
		// standard 9.1-9.8 is green under the rule, while 8 of 10 agencies' own area 9 is amber), and 4 of 10 rate 6.2 red
		Map<Integer, Map<String, String>> ratings = new HashMap<>();
		for (int i = 0; i < 10; i++) {
			Map<String, String> own = new HashMap<>();
			if (i < 8) {
				own.put("9." + (i + 1), "amber");
			}
			if (i >= 6) {
				own.put("6.2", "red");
			}
			ratings.put(i, own);
		}
		Document html = summarise("pan-sussex", "sussex-boundary", 10, (i) -> "Agency " + (i + 1), ratings);

		// then the first screen names the one red standard, in the guidance's words, and no area is rated
		Element glance = html.getElementById("at-a-glance");
		assertThat(glance.text()).contains("Rated red for the partnership: 1 standard of 48", "Standard 6.2",
				"(area 6: Safer recruitment and allegations management)", "Rated amber for the partnership: 0 standards",
				"The partnership rule is applied to each of the 48 standards", "areas are not given a rating of their own")
			.doesNotContain("Standard 9", "Area 9", "item");
		// area 9 is shown by its standards' partnership ratings, all green, never as a rating of its own
		Element ratingsTable = html.selectFirst("#ratings ~ table caption:contains(Areas by the partnership ratings)").parent();
		Element area9 = ratingsTable.select("tbody > tr").stream().filter((tr) -> tr.text().startsWith("Area 9.")).findFirst().orElseThrow();
		assertThat(area9.text()).contains("8 standards: 8 green, 0 amber, 0 red", "None: every standard rated is green.");
		assertThat(area9.select(".badge")).isEmpty();
		assertThat(html.select("#ratings ~ table .red").text()).doesNotContain("9");
		// the rule's reasons in the guidance's words, and no policy-value key
		assertThat(html.text()).contains("rated standard 6.2 amber or red: more than a third, so the partnership rating is red")
			.doesNotContain("partnership.red.more-than", "partnership.amber.at-least");
		// the officers' JSON keeps the stored area rating and says it is not the partnership's
		JsonNode json = json("sussex-boundary");
		assertThat(json.at("/framing/groupsRated").asBoolean()).isFalse();
		assertThat(json.at("/framing/group").asText()).isEqualTo("area");
		assertThat(json.at("/standards/8/items/0/rating/rag").asText()).isEqualTo("GREEN");
		// agencies in natural order: 1, 2, ... 10
		List<String> register = html.select("#register ~ table tbody th").eachText();
		assertThat(register).startsWith("Agency 1", "Agency 2", "Agency 3").endsWith("Agency 9", "Agency 10");
		// the wording of areas the guidance does not give is marked as not the partnership's own, in plain words
		assertThat(html.text()).contains("* Wording not taken from the partnership’s own audit tool").doesNotContain("modelled");
		assertThat(html.select("p.legend").text()).contains("G: green; A: amber; R: red;").doesNotContain("Green: green");
		assertThat(printedBody("sussex-boundary")).isBetween(3, 8);
	}

	@Test
	void barkingAndDagenhamKeepsItsFourLevelsAndStatesItsStandardRule() throws IOException {
		// given 12 agencies: standard 3's items answered at every level of the four
		Map<Integer, Map<String, String>> ratings = new HashMap<>();
		ratings.put(0, Map.of("3.1", "partially-met"));
		ratings.put(1, Map.of("3.1", "needs-review"));
		ratings.put(2, Map.of("3.2", "needs-review"));
		ratings.put(3, Map.of("3.2", "not-met"));
		Document html = summarise("barking-and-dagenham", "bd-levels", 12, (i) -> "Agency " + (i + 1), ratings);

		Element glance = html.getElementById("at-a-glance");
		assertThat(glance.text()).contains("Rated red for the partnership: 1 standard of 8", "Standard 3",
				"The partnership’s rule set rates a standard as it rates an item");
		// the chart of standard 3 has four levels: met, partially met, needs review and not met, each its own segment
		Element standard3 = html.select("#ratings ~ table tbody > tr").stream().filter((tr) -> tr.child(0).text().startsWith("Standard 3."))
			.findFirst().orElseThrow();
		assertThat(standard3.select("table.bar td").eachAttr("class")).containsExactly("lvl-green", "lvl-amber", "lvl-amber-2", "lvl-red");
		assertThat(standard3.select("table.bar td").eachAttr("title")).containsExactly(
				(12 * this.packs.load("barking-and-dagenham").framework().standard("3").orElseThrow().items().size() - 4) + " Met",
				"1 Partially met", "2 Needs review", "1 Not met");
		assertThat(standard3.text()).contains("1 partially met, 2 needs review, 1 not met");
		// every item keeps the four levels too
		assertThat(html.select("#every-item ~ div").get(2).text()).contains("10 met, 1 partially met, 1 needs review, 0 not met", "10 met, 0 partially met, 1 needs review, 1 not met");
		// the heatmap's letters explained in the scale's words
		assertThat(html.select("p.legend").text()).contains("G: green (met); A: amber (partially met or needs review); R: red (not met);");
		assertThat(printedBody("bd-levels")).isBetween(3, 8);
	}

	@Test
	void panLondonWithoutAThresholdShowsNoRedAmberGreenAndNoColumnOfNotRated() throws IOException {
		Map<Integer, Map<String, String>> ratings = new HashMap<>();
		ratings.put(0, Map.of("4.1", "not-met"));
		ratings.put(1, Map.of("4.2", "partially-met"));
		Document html = summarise("pan-london-2012", "london-no-threshold", 12, (i) -> "Agency " + (i + 1), ratings);

		assertThat(html.getElementById("at-a-glance").text()).contains("The 2012 template sets no partnership threshold",
				"Lowest share of agencies in place, by standard", "Standard 4");
		assertThat(html.select(".badge").eachText()).doesNotContain("Not rated", "Red", "Amber", "Green");
		assertThat(html.select("[class~=^(green|amber|red)$]")).isEmpty();
		assertThat(html.select("table.heat td").eachAttr("class")).contains("lvl-neutral-0", "lvl-neutral-1", "lvl-neutral-2");
		assertThat(html.select("table.heat td").eachText()).contains("In place", "Partly in place", "Not in place");
		assertThat(html.select("#ratings ~ table thead th").eachText()).doesNotContain("Partnership");
		assertThat(html.getElementById("introduction").nextElementSibling().text()).startsWith("The partnership has not written the introduction");
		// the template's words, not the software's: no "pack", and the rule said once above the table, not on every line
		assertThat(html.text()).doesNotContain("pack");
		assertThat(html.select("#ratings ~ table tbody > tr > td:last-child").eachText())
			.allSatisfy((reason) -> assertThat(reason).doesNotContain("sets no partnership threshold"));
		assertThat(printedBody("london-no-threshold")).isBetween(3, 8);
	}

	@Test
	void theNarrativeThePartnershipWroteIsShownAsTextAndWhatItHasNotWrittenIsSaid() throws IOException {
		// given a narrative.md beside the cycle's definition with an introduction and conclusions, and markup in it
		Files.writeString(this.folder.resolve("narrative.md"), """
				# Introduction
				The audit was coordinated by the **partnership business unit**. <script>alert('x')</script>

				Documents used: the [2024 guidance](https://example.org/guidance) and <a href="javascript:alert(1)">this</a>.

				# Conclusions
				- Safer recruitment needs attention.
				- [click](javascript:alert(2))
				""");
		Document html = summarise("pan-sussex", "sussex-narrative", 3, (i) -> "Agency " + (i + 1), Map.of());

		Element introduction = html.getElementById("introduction").nextElementSibling();
		assertThat(introduction.select("strong").text()).isEqualTo("partnership business unit");
		assertThat(introduction.text()).contains("<script>alert('x')</script>", "<a href=\"javascript:alert(1)\">this</a>");
		assertThat(html.select("script")).isEmpty();
		assertThat(html.select("a[href^=javascript]")).isEmpty();
		assertThat(introduction.select("a[href=https://example.org/guidance]").text()).isEqualTo("2024 guidance");
		assertThat(html.getElementById("conclusions").nextElementSibling().select("li").eachText()).contains("Safer recruitment needs attention.");
		assertThat(html.getElementById("recommendations").nextElementSibling().text())
			.isEqualTo("The partnership has not written the recommendations for this cycle yet: it goes under the heading Recommendations in narrative.md beside the cycle's definition.");
		assertThat(json("sussex-narrative").at("/narrative/missing").toString()).isEqualTo("[\"Methodology\",\"Recommendations\"]");
	}

	@Test
	void thePdfIsTaggedAndPrintsNamesInWelshPolishGreekCyrillicArabicAndChinese() throws IOException {
		List<String> names = List.of("Bwrdd Iechyd Prifysgol Betsi Cadwaladr – Tŷ’r Ŵyn", "Fundacja Łódź – Źródło", "Ελληνική Κοινότητα Λονδίνου",
				"Українська громада Сассексу", "جمعية الجالية العربية", "上海市儿童福利院", "香港兒童福利會",
				"Agency <b onmouseover=alert(3)>5</b>");
		Document html = summarise("pan-sussex", "sussex-scripts", names.size(), names::get, Map.of(0, Map.of("6.2", "red")));

		assertThat(html.select("#register ~ table tbody th").eachText()).containsAll(names);
		try (PDDocument pdf = Loader.loadPDF(OUTPUT.resolve("sussex-scripts/summary.pdf").toFile())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Tŷ’r Ŵyn", "Fundacja Łódź – Źródło", "Ελληνική Κοινότητα Λονδίνου", "Українська громада Сассексу",
					"上海市儿童福利院", "香港兒童福利會", "Agency <b onmouseover=alert(3)>5</b>");
			// Arabic is printed shaped (its letters joined: the joined forms are what the page holds) and right to left;
			// read back as the letters it was written in, the name is whole and in its order
			assertThat(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)).contains("جمعية الجالية العربية");
			// what the pages draw, before text extraction turns joined forms back into letters
			List<Integer> drawn = new ArrayList<>();
			new PDFTextStripper() {
				@Override
				protected void processTextPosition(org.apache.pdfbox.text.TextPosition position) {
					super.processTextPosition(position);
					position.getUnicode().codePoints().forEach(drawn::add);
				}
			}.getText(pdf);
			assertThat(drawn.stream().filter((c) -> c >= 0xFE70 && c <= 0xFEFF).count()).as("joined Arabic letters").isGreaterThanOrEqualTo(15);
			// nothing replaced: no '#', no replacement character, and every glyph drawn from a font that has it
			assertThat(text).doesNotContain("#", "\uFFFD");
			for (int i = 0; i < pdf.getNumberOfPages(); i++) {
				for (var name : pdf.getPage(i).getResources().getFontNames()) {
					var font = pdf.getPage(i).getResources().getFont(name);
					assertThat(font.getName()).as("font on page %d", i + 1).containsAnyOf("DejaVuSans", "DroidSansFallback");
				}
			}
			// and every character on the pages (the joined Arabic forms included) has a glyph in one of the bundled fonts
			try (var dejavu = font("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf"); var cjk = font("/fonts/DroidSansFallback-CJK.ttf")) {
				var dejavuGlyphs = dejavu.getUnicodeCmapLookup();
				var cjkGlyphs = cjk.getUnicodeCmapLookup();
				List<String> missing = drawn.stream().mapToInt(Integer::intValue).filter((c) -> !Character.isWhitespace(c))
					.filter((c) -> dejavuGlyphs.getGlyphId(c) == 0 && cjkGlyphs.getGlyphId(c) == 0).distinct()
					.mapToObj((c) -> String.format("U+%04X", c)).toList();
				assertThat(missing).as("characters without a glyph in the bundled fonts").isEmpty();
			}
			// tagged: a structure tree a screen reader follows, marked content, the document's language and title
			assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
			assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(pdf.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
			// every font is embedded: none is left to the viewer to substitute
			for (int i = 0; i < pdf.getNumberOfPages(); i++) {
				for (var name : pdf.getPage(i).getResources().getFontNames()) {
					assertThat(pdf.getPage(i).getResources().getFont(name).isEmbedded()).as("font %s on page %d", name, i + 1).isTrue();
				}
			}
		}
	}

	@Test
	void aPanSussexCycleOf150AgenciesHasABodyOfAboutTenPagesAndEverythingInTheAppendices() throws IOException {
		Document html = atScale("pan-sussex", "sussex-150", "amber", "red", "Rated red for the partnership: 0 standards of 48");

		// nearly every agency's own rating of some area is red (its worst standard), yet under the guidance's rule
		// (more than a third amber or red) every one of the 48 standards is green: the first screen says so, and no area is rated
		Element glance = html.getElementById("at-a-glance");
		assertThat(glance.text()).contains("Rated amber for the partnership: 0 standards", "No standard is rated red or amber for the partnership: 48 of 48 are green")
			.doesNotContain("Area 1", "area is red", "Red Area");
		assertThat(glance.select(".badge")).isEmpty();
		Element ratingsTable = html.selectFirst("#ratings ~ table caption:contains(Areas by the partnership ratings)").parent();
		List<Element> areas = ratingsTable.selectFirst("tbody").children();
		assertThat(areas).hasSize(9).allSatisfy((tr) -> assertThat(tr.select(".badge")).isEmpty());
		assertThat(areas.stream().map(Element::text).toList()).allSatisfy((row) -> assertThat(row).containsPattern("\\d+ standards: \\d+ green, 0 amber, 0 red"));
		Element agencies = html.selectFirst("#ratings ~ div table caption:contains(Agencies with the most areas)").parent();
		assertThat(agencies.select("tbody td.num").eachText()).as("agencies' own red areas").anyMatch((n) -> Integer.parseInt(n) >= 3);
	}

	@Test
	void aBarkingAndDagenhamCycleOf150AgenciesHasABodyOfAboutTenPagesAndKeepsFourLevels() throws IOException {
		Document html = atScale("barking-and-dagenham", "bd-150", "partially-met", "needs-review", "Rated red for the partnership: 0 standards of 8");
		assertThat(html.select("#ratings ~ table tbody > tr").get(0).select("table.bar td").eachAttr("class")).contains("lvl-amber", "lvl-amber-2");
	}

	@Test
	void aPanLondonCycleOf150AgenciesHasABodyOfAboutTenPagesWithoutRedAmberOrGreen() throws IOException {
		Document html = atScale("pan-london-2012", "london-150", "partially-met", "not-met", "The 2012 template sets no partnership threshold");
		assertThat(html.select(".badge").eachText()).doesNotContain("Not rated", "Red", "Amber", "Green");
	}

	/**
	 * 150 agencies named 1 to 150, each answering about one item in twelve at the two given lower levels (from a
	 * fixed seed): the body before the appendices prints on at most 10 A4 pages and names agencies in natural order.
	 */
	private Document atScale(String pack, String cycleId, String lower, String lowest, String headline) throws IOException {
		java.util.Random random = new java.util.Random(11);
		Framework framework = this.packs.load(pack).framework();
		Map<Integer, Map<String, String>> ratings = new HashMap<>();
		for (int i = 0; i < 150; i++) {
			Map<String, String> own = new HashMap<>();
			for (Framework.Item item : framework.itemsById().values()) {
				int roll = random.nextInt(24);
				if (roll < 2) {
					own.put(item.id(), (roll == 0) ? lower : lowest);
				}
			}
			ratings.put(i, own);
		}
		Document html = summarise(pack, cycleId, 150, (i) -> "Agency " + (i + 1), ratings, (i) -> (i % 3 == 0) ? PRACTICE + (i + 1) + "." : null);

		assertThat(html.getElementById("at-a-glance").text()).contains(headline, "150 of 150 expected agencies returned (100%)");
		// outstanding practice: three shortened in the body, all fifty in full in their appendix
		assertThat(html.select("#themes ~ .practice")).hasSize(3);
		assertThat(html.select("#themes ~ .practice .quote").first().text()).endsWith("…").hasSizeLessThan(PRACTICE.length());
		assertThat(html.select("#all-practice ~ .practice")).hasSize(50);
		assertThat(html.select("#all-practice ~ .practice .quote").eachText()).contains(PRACTICE + "1.", PRACTICE + "148.");
		assertThat(html.getElementById("all-practice").text()).isEqualTo("Appendix E. Outstanding practice reported by agencies");
		// the history counts a day's 150 imports in one line, and names no file, run number or version fingerprint
		Element history = html.selectFirst("#about ~ table:has(caption:contains(Every import))");
		assertThat(history.select("tbody").text()).contains("150 returns imported", "Evaluation run: 150 returns evaluated")
			.doesNotContain(".json", "agency-0", "COMPLETED", "return(s)");
		assertThat(history.select("tbody tr")).hasSizeLessThan(10);
		assertThat(html.select("#register ~ table tbody th").eachText()).startsWith("Agency 1", "Agency 2", "Agency 3").contains("Agency 100")
			.endsWith("Agency 149", "Agency 150");
		assertThat(html.select("#plan ~ table").first().select("tbody tr")).hasSizeLessThanOrEqualTo(10);
		assertThat(html.getElementById("heatmap")).as("every agency's rating of every group, in an appendix").isNotNull();
		// the plan is too long to print: the HTML lists every action, the PDF shows it by agency (one rendering, cut)
		assertThat(html.select("#full-plan ~ table:has(caption:contains(Every action)) tbody tr")).hasSizeGreaterThan(120);
		assertThat(html.text()).doesNotContain("too many to print");
		assertThat(Files.readString(OUTPUT.resolve(cycleId).resolve("summary.html"))).doesNotContain("s11:print-only", "s11:screen-only");
		try (PDDocument pdf = Loader.loadPDF(OUTPUT.resolve(cycleId).resolve("summary.pdf").toFile())) {
			String printed = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(printed).contains("too many to print in full", "Actions by agency, most overdue first")
				.doesNotContain("Every action, overdue first");
			int body = bodyPages(pdf);
			System.out.printf("%s: %d pages of body, %d in all%n", cycleId, body, pdf.getNumberOfPages());
			assertThat(body).as("pages before Appendix A of %d", pdf.getNumberOfPages()).isBetween(3, 10);
			assertThat(pdf.getNumberOfPages()).isGreaterThan(body + 3);
			assertThat(pageOf(pdf, "Contents")).as("the contents heading with its list").isEqualTo(pageOf(pdf, "Appendix B. Every"));
		}
		return html;
	}

	private static org.apache.fontbox.ttf.TrueTypeFont font(String resource) throws IOException {
		try (var in = BoardSummaryIntegrationTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(in.readAllBytes()));
		}
	}

	private static int pageOf(PDDocument pdf, String text) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
			stripper.setStartPage(page);
			stripper.setEndPage(page);
			if (stripper.getText(pdf).replaceAll("\\s+", " ").contains(text)) {
				return page;
			}
		}
		return 0;
	}

	/** The body's pages of a cycle's printed summary (printed to the test's output, for the README's figures). */
	private static int printedBody(String cycleId) throws IOException {
		try (PDDocument pdf = Loader.loadPDF(OUTPUT.resolve(cycleId).resolve("summary.pdf").toFile())) {
			int body = bodyPages(pdf);
			System.out.printf("%s: %d pages of body, %d in all%n", cycleId, body, pdf.getNumberOfPages());
			return body;
		}
	}

	/** The pages before the one on which Appendix A (the register, under its table's caption) starts. */
	private static int bodyPages(PDDocument pdf) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
			stripper.setStartPage(page);
			stripper.setEndPage(page);
			String text = stripper.getText(pdf).replaceAll("\\s+", " ");
			if (text.contains("Appendix A. Register of returns Every agency expected to return")) {
				return page - 1;
			}
		}
		throw new AssertionError("No page starts Appendix A");
	}

	private Document summarise(String pack, String cycleId, int agencies, IntFunction<String> name, Map<Integer, Map<String, String>> ratings)
			throws IOException {
		return summarise(pack, cycleId, agencies, name, ratings, (i) -> null);
	}

	private Document summarise(String pack, String cycleId, int agencies, IntFunction<String> name, Map<Integer, Map<String, String>> ratings,
			IntFunction<String> practice) throws IOException {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < agencies; i++) {
			names.add(name.apply(i));
		}
		Framework framework = this.packs.load(pack).framework();
		this.cycles.open(PackReturns.cycle(this.folder, pack, cycleId, names));
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < agencies; i++) {
			files.add(PackReturns.write(this.folder.resolve("returns"), pack, framework, cycleId, i, names.get(i), ratings.getOrDefault(i, Map.of()),
					practice.apply(i)));
		}
		this.submissions.importPaths(files, Optional.empty());
		this.evaluation.evaluateCycle(cycleId);
		this.summaries.summarise(cycleId, AS_OF, true);
		return Jsoup.parse(Files.readString(OUTPUT.resolve(cycleId).resolve("summary.html")));
	}

	private static JsonNode json(String cycleId) throws IOException {
		return new ObjectMapper().readTree(OUTPUT.resolve(cycleId).resolve("summary.json").toFile());
	}

}
