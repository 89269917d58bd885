package org.s11evaluator.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A value from a return or a file cannot start a log line of its own. */
class LogValuesTests {

	@Test
	void lineBreaksInAValueAreWrittenAsEscapes() {
		assertThat(LogValues.escape("Sussex Police\n2026-01-01 INFO forged\r\n")).isEqualTo("Sussex Police\\n2026-01-01 INFO forged\\r\\n");
	}

	@Test
	void otherControlCharactersAndUnicodeLineSeparatorsAreEscapedToo() {
		assertThat(LogValues.escape("a\tb\u0000c\u001b[31md\u0085e\u2028f\u2029g\u007f"))
			.isEqualTo("a\\tb\\u0000c\\u001b[31md\\u0085e\\u2028f\\u2029g\\u007f")
			.doesNotContainPattern("\\p{Cntrl}");
	}

	@Test
	void ordinaryTextOfAnyScriptIsKeptAsItIs() {
		String text = "Cyngor Gwynedd – Gwasanaethau Plant, ŵ ŷ, Łódź, Ελλάδα, «quote» \"x\" 'y' \\ /";

		assertThat(LogValues.escape(text)).isSameAs(text);
		assertThat(LogValues.escape(null)).isEqualTo("null");
	}

}
