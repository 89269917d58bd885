package org.s11evaluator.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.s11evaluator.support.SussexReturns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CycleSummariesIntegrationTests {

	private static final Path OUTPUT = Path.of("target/summary-test-output");

	private static final LocalDate AS_OF = LocalDate.of(2025, 10, 1);

	@DynamicPropertySource
	static void output(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	SampleCycles samples;

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
	void evaluatedSamples() {
		this.database.clean();
		this.samples.load();
		this.evaluation.evaluateOpenCycles();
	}

	@Test
	void theEvaluationRunWritesEveryFormatOfEverySummary() {
		for (String cycle : List.of("barking-and-dagenham-2025", "pan-london-2012-havering-2024", "pan-sussex-2023", "pan-sussex-2025")) {
			assertThat(OUTPUT.resolve(cycle)).isDirectoryContaining("glob:**/summary.html").isDirectoryContaining("glob:**/summary.pdf")
				.isDirectoryContaining("glob:**/summary.json").isDirectoryContaining("glob:**/register-of-returns.csv")
				.isDirectoryContaining("glob:**/improvement-plan.csv");
		}
	}

	@Test
	void summarisesParticipationRatingsProgressAndThePlanAsTheReturnsSay() throws IOException {
		this.summaries.summarise("pan-sussex-2025", AS_OF, true);
		JsonNode summary = new ObjectMapper().readTree(OUTPUT.resolve("pan-sussex-2025/summary.json").toFile());

		assertThat(summary.at("/participation").toString()).contains("\"expected\":14", "\"returned\":13", "\"late\":1",
				"\"notReturned\":1", "\"rejectedFiles\":3", "\"returnRatePercent\":93");
		assertThat(register(summary)).containsEntry("west-sussex-yjs", "LATE").containsEntry("brighton-carers-centre", "REJECTED")
			.containsEntry("sussex-police", "ON_TIME");
		assertThat(summary.at("/rejectedFiles")).hasSize(3);
		assertThat(summary.at("/rejectedFiles").findValuesAsText("source")).contains("zz-bad-unknown-item.json");
		assertThat(summary.at("/rejectedFiles").toString()).contains("(responses[12].rating) (item 3.2): \\\"purple\\\" is not one of green, amber, red, n/a (the pan-sussex scale)");
		assertThat(summary.at("/standards/5/rating/rag").asText()).isEqualTo("RED");
		assertThat(summary.at("/ratingPolicy").findValuesAsText("policy")).anyMatch((p) -> p.contains("exactly a third is amber"))
			.anyMatch((p) -> p.contains("rated it N/A or did not answer are left out"));
		assertThat(Files.readString(OUTPUT.resolve("pan-sussex-2025/summary.html"))).contains("How the partnership rating is decided");
		// the first screen: the guidance's rule at its level (area 9 amber by its agencies' worst standards, every standard of it green),
		// the agency whose only file was rejected said as rejected, and an action without a due date never counted as on time
		org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(Files.readString(OUTPUT.resolve("pan-sussex-2025/summary.html")));
		assertThat(summary.at("/standards/8/rating/rag").asText()).as("the area rating stored for officers").isEqualTo("AMBER");
		assertThat(html.getElementById("at-a-glance").text()).contains("Rated red for the partnership: 1 standard of 48", "Standard 6.2",
				"Rated amber for the partnership: 1 standard", "Standard 2.3", "1 agency's return was rejected", "1 has no due date")
			.doesNotContain("Area 9", "did not return", "1 are");
		assertThat(html.select("#ratings ~ table tbody > tr").stream().filter((tr) -> tr.child(0).text().startsWith("Area 9.")).findFirst()
			.orElseThrow().text()).contains("8 standards: 8 green, 0 amber, 0 red");
		assertThat(html.text()).doesNotContain("MISSING_EVIDENCE", "SUS-PRT", "partnership.red.more-than", "zz-bad-unknown-item.json",
				"responses[12]");
		assertThat(summary.at("/improvementPlan").findValuesAsText("status")).contains("NO_DUE_DATE");
		assertThat(summary.at("/standards/5/items/1/rating/reason").asText())
			.isEqualTo("5 of 13 agencies taking part (38%) rated item 6.2 amber or red: more than 1/3, so the partnership rating is red.");
		// 2023: 2.3 was rated amber or red by exactly a third of agencies, which is amber; 4.1 was red and is now green
		assertThat(summary.at("/progress/previousCycleId").asText()).isEqualTo("pan-sussex-2023");
		assertThat(changes(summary.at("/progress/previouslyAmberOrRed"))).contains("2.3 AMBER->AMBER", "4.1 RED->GREEN", "9.3 RED->GREEN",
				"6.2 RED->RED");
		assertThat(summary.at("/progress/carriedOver")).hasSize(8);
		assertThat(summary.at("/improvementPlan").findValuesAsText("status")).contains("OVERDUE", "OPEN", "DONE");
		String csv = Files.readString(OUTPUT.resolve("pan-sussex-2025/register-of-returns.csv"));
		assertThat(Files.readAllBytes(OUTPUT.resolve("pan-sussex-2025/register-of-returns.csv"))).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		assertThat(csv).startsWith("\uFEFFagency_id,agency,sector,expected,status,completed_by,role,submitted_at,version\r\n")
			.contains("west-sussex-yjs,West Sussex Youth Justice Service,youth-justice,yes,Returned late,")
			.contains(",Rejected,").doesNotContain(",LATE,", ",REJECTED,", ",ON_TIME,");
		assertThat(Files.readString(OUTPUT.resolve("pan-sussex-2025/improvement-plan.csv"))).startsWith("\uFEFFstatus,due,")
			.contains("Overdue,", "Done,").doesNotContain("OVERDUE,", "FOLLOW_UP");
	}

	@Test
	void everythingAnAgencyWroteIsShownAsTextNeverAsMarkup() throws IOException {
		// given a return whose every free-text field is hostile markup
		String hostile = "<script>alert('pwned')</script><img src=x onerror=alert(1)>\"><svg onload=alert(2)>";
		this.cycles.open(SussexReturns.cycle(this.folder, "hostile-cycle", 0)); // the agency is not expected: its name comes from its return
		Path file = SussexReturns.write(this.folder.resolve("returns"), this.packs.load("pan-sussex").framework(), "hostile-cycle", 0,
				Map.of("6.2", "red"), hostile);
		Files.writeString(file, Files.readString(file).replace("\"Agency 0\"", "\"Agency <b onmouseover=alert(3)>0</b>\"")
			.replace("\"Person 0\"", new ObjectMapper().writeValueAsString(hostile)).replace("\"Improve 6.2\"", "\"<iframe src=javascript:alert(4)>\""));
		this.submissions.importPaths(List.of(file), Optional.empty());
		this.evaluation.evaluateCycle("hostile-cycle");

		// when its summary is written
		this.summaries.summarise("hostile-cycle", AS_OF, true);

		// then the HTML holds no markup of the agency's and the PDF shows it as text
		String html = Files.readString(OUTPUT.resolve("hostile-cycle/summary.html"));
		assertThat(html).doesNotContain("<script", "<img", "<svg", "<iframe", "<b onmouseover")
			.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;", "&lt;iframe src=javascript:alert(4)&gt;",
					"Agency &lt;b onmouseover=alert(3)&gt;0&lt;/b&gt;");
		try (PDDocument pdf = Loader.loadPDF(OUTPUT.resolve("hostile-cycle/summary.pdf").toFile())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
			assertThat(text.replaceAll("\\s+", " ")).contains("<script>alert('pwned')</script>", "Agency <b onmouseover=alert(3)>0</b>");
		}
	}

	@Test
	void aSummaryIsWrittenAgainOnlyWhenWhatItSaysChanges() throws IOException {
		this.summaries.summarise("pan-sussex-2025", AS_OF, true);

		assertThat(this.summaries.summarise("pan-sussex-2025", AS_OF, false).changed()).isFalse();

		Path original = Path.of("samples/pan-sussex-2025/submissions/west-sussex-yjs.json");
		Path corrected = Files.writeString(this.folder.resolve("west-sussex-yjs.json"),
				Files.readString(original).replaceFirst("\"rating\": \"green\"", "\"rating\": \"amber\""));
		this.submissions.importPaths(List.of(corrected), Optional.empty());
		this.evaluation.evaluateCycle("pan-sussex-2025");

		assertThat(this.summaries.summarise("pan-sussex-2025", AS_OF, false).changed()).isTrue();
		assertThat(this.summaries.summarise("pan-sussex-2025", AS_OF, false).changed()).isFalse();
	}

	@Test
	void everySummaryMatchesThePublishedJsonSchema() throws IOException {
		com.networknt.schema.Schema schema;
		try (var in = Files.newInputStream(Path.of("docs/summary.schema.json"))) {
			schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(in);
		}
		for (String cycle : List.of("barking-and-dagenham-2025", "pan-london-2012-havering-2024", "pan-sussex-2023", "pan-sussex-2025")) {
			JsonNode summary = new ObjectMapper().readTree(OUTPUT.resolve(cycle).resolve("summary.json").toFile());
			assertThat(schema.validate(summary)).as(cycle).isEmpty();
		}
	}

	private static Map<String, String> register(JsonNode summary) {
		Map<String, String> statuses = new java.util.HashMap<>();
		summary.at("/register").forEach((r) -> statuses.put(r.get("agencyId").asText(), r.get("status").asText()));
		return statuses;
	}

	private static List<String> changes(JsonNode changes) {
		List<String> list = new java.util.ArrayList<>();
		changes.forEach((c) -> {
			if (!c.get("itemId").isNull()) {
				list.add(c.get("itemId").asText() + " " + c.get("before").asText() + "->" + c.get("now").asText());
			}
		});
		return list;
	}

}
