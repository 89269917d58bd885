package org.s11evaluator.reporting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTests {

	@Test
	void textASpreadsheetWouldRunAsAFormulaIsDefused() {
		assertThat(CsvExport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(CsvExport.cell("+1")).isEqualTo("'+1");
		assertThat(CsvExport.cell("-2")).isEqualTo("'-2");
		assertThat(CsvExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
	}

	@Test
	void commasQuotesAndLineBreaksAreQuoted() {
		assertThat(CsvExport.cell("Barking, Havering")).isEqualTo("\"Barking, Havering\"");
		assertThat(CsvExport.cell("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
		assertThat(CsvExport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(CsvExport.cell("plain")).isEqualTo("plain");
	}

	@Test
	void aTimeIsWrittenAsASpreadsheetReadsItNotInTheIsoFormWithAT() {
		assertThat(CsvExport.spreadsheetTime(java.time.LocalDateTime.of(2025, 3, 14, 10, 30, 15))).isEqualTo("2025-03-14 10:30");
		assertThat(CsvExport.spreadsheetTime(null)).isEmpty();
	}

}
