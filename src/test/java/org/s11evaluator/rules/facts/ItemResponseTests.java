package org.s11evaluator.rules.facts;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemResponseTests {

	private static ItemResponse response(String evidenceText, String... links) {
		List<String> list = (links == null) ? null : Arrays.asList(links);
		return new ItemResponse("9.1", "9", "green", null, evidenceText, list, null, null);
	}

	@Test
	void aRealLinkOrRealTextIsEvidence() {
		assertThat(response(null, "https://intranet.example.org/audit").hasEvidence()).isTrue();
		assertThat(response("Case file audit Q3 2024").hasEvidence()).isTrue();
		assertThat(response("  ", "", "https://intranet.example.org/audit").hasEvidence()).isTrue();
		assertThat(response("Tŷ'r Ŵyn 🛡️").hasEvidence()).isTrue();
	}

	@Test
	void blankLinksAreNotEvidence() {
		assertThat(response(null, "").hasEvidence()).isFalse();
		assertThat(response(null, "   ").hasEvidence()).isFalse();
		assertThat(response(null, "", " \t\n", "\u00A0").hasEvidence()).isFalse();
		assertThat(response(null).hasEvidence()).isFalse();
		assertThat(response(null, (String[]) null).hasEvidence()).isFalse();
	}

	@Test
	void whitespaceOnlyEvidenceTextIsNotEvidence() {
		assertThat(response("").hasEvidence()).isFalse();
		assertThat(response("   ").hasEvidence()).isFalse();
		assertThat(response(" \t\r\n ").hasEvidence()).isFalse();
		assertThat(response("\u00A0\u2007\u202F\u3000\u200B\uFEFF").hasEvidence()).isFalse();
		assertThat(response("  ", " ").hasEvidence()).isFalse();
	}

	@Test
	void theSummarySaysNoEvidenceForBlankLinks() {
		assertThat(response(null, "").summary()).contains("evidence=none");
	}

}
