package org.s11evaluator.reporting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SummaryEditionsTests {

	private static final String RENDERED = "<p>plan</p>\n<!--s11:print-only--><div>by agency</div><!--/s11:print-only-->\n"
			+ "<!--s11:screen-only--><table>every action</table><!--/s11:screen-only-->\n<p>after</p>";

	@Test
	void theHtmlKeepsEveryActionAndLeavesOutWhatOnlyThePrintShows() {
		assertThat(SummaryEditions.of(RENDERED, true).screen())
			.isEqualTo("<p>plan</p>\n\n<table>every action</table>\n<p>after</p>");
	}

	@Test
	void theLongPlanIsPrintedByAgencyInsteadOfInFull() {
		assertThat(SummaryEditions.of(RENDERED, true).printed()).isEqualTo("<p>plan</p>\n<div>by agency</div>\n\n<p>after</p>");
	}

	@Test
	void aShortPlanIsPrintedAsTheHtmlShowsIt() {
		SummaryEditions editions = SummaryEditions.of(RENDERED, false);
		assertThat(editions.printed()).isSameAs(editions.screen());
	}

	@Test
	void everyMarkedPartIsCutNotOnlyTheFirst() {
		String twice = RENDERED + "\n" + RENDERED;
		assertThat(SummaryEditions.of(twice, true).printed()).doesNotContain("every action", "s11:").contains("by agency");
		assertThat(SummaryEditions.of(twice, true).screen()).doesNotContain("by agency", "s11:").contains("every action");
	}

	@Test
	void aMarkerLeftOpenIsRefusedRatherThanCuttingTheRestOfTheReport() {
		assertThatIllegalStateException().isThrownBy(() -> SummaryEditions.of("<!--s11:print-only--><div>", true).screen())
			.withMessageContaining("<!--s11:print-only-->");
	}

}
