package org.s11evaluator.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fills in a template as a person would, by what it shows: a front-sheet field by its label, an item's answer by
 * the item's id in column A and the column's heading, an action in the action plan's next empty row. Written with
 * POI's ordinary model (as Excel would save it), not through the code under test.
 */
final class Filling implements AutoCloseable {

	private static final DataFormatter SHOWN = new DataFormatter();

	private final XSSFWorkbook workbook;

	private Filling(XSSFWorkbook workbook) {
		this.workbook = workbook;
	}

	static Filling open(Path template) {
		try (InputStream in = Files.newInputStream(template)) {
			return new Filling(new XSSFWorkbook(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	XSSFWorkbook workbook() {
		return this.workbook;
	}

	Filling front(String label, String value) {
		Sheet front = this.workbook.getSheet("About this return");
		for (Row row : front) {
			if (SHOWN.formatCellValue(row.getCell(0)).equals(label)) {
				set(row, 1).setCellValue(value);
				return this;
			}
		}
		throw new IllegalArgumentException("no field " + label);
	}

	Filling frontDate(String label, LocalDate date) {
		Sheet front = this.workbook.getSheet("About this return");
		for (Row row : front) {
			if (SHOWN.formatCellValue(row.getCell(0)).equals(label)) {
				set(row, 1).setCellValue(date);
				return this;
			}
		}
		throw new IllegalArgumentException("no field " + label);
	}

	/** The cell of an item's answer in the column with this heading (row 4), or null when the template has no such column. */
	Cell answer(String item, String heading) {
		for (Sheet sheet : this.workbook) {
			Row headings = sheet.getRow(3);
			if (!this.workbook.isSheetHidden(this.workbook.getSheetIndex(sheet)) && headings != null
					&& SHOWN.formatCellValue(headings.getCell(2)).equals("Carried forward")) {
				int column = -1;
				for (Cell cell : headings) {
					String shown = SHOWN.formatCellValue(cell);
					if (shown.equals(heading) || (column < 0 && shown.startsWith(heading))) {
						column = cell.getColumnIndex();
					}
				}
				for (Row row : sheet) {
					if (row.getRowNum() > 3 && SHOWN.formatCellValue(row.getCell(0)).equals(item)) {
						return (column < 0) ? null : set(row, column);
					}
				}
			}
		}
		throw new IllegalArgumentException("no item " + item);
	}

	boolean hasColumn(String heading) {
		return answer(firstItem(), heading) != null;
	}

	private String firstItem() {
		for (Sheet sheet : this.workbook) {
			Row headings = sheet.getRow(3);
			if (headings != null && SHOWN.formatCellValue(headings.getCell(2)).equals("Carried forward") && sheet.getRow(4) != null) {
				return SHOWN.formatCellValue(sheet.getRow(4).getCell(0));
			}
		}
		throw new IllegalStateException("no item sheet");
	}

	/** Puts an action in the action plan's first row with no action in it. */
	Filling action(String item, String standard, String action, String lead, LocalDate due) {
		Sheet plan = this.workbook.getSheet("Action Plan");
		for (int r = 3; r < 3000; r++) {
			Row row = (plan.getRow(r) != null) ? plan.getRow(r) : plan.createRow(r);
			if (SHOWN.formatCellValue(row.getCell(2)).isEmpty() && SHOWN.formatCellValue(row.getCell(0)).isEmpty()) {
				if (item != null) {
					set(row, 0).setCellValue(item);
				}
				if (standard != null) {
					set(row, 1).setCellValue(standard);
				}
				set(row, 2).setCellValue(action);
				set(row, 3).setCellValue(lead);
				set(row, 4).setCellValue(due);
				return this;
			}
		}
		throw new IllegalStateException("no empty row");
	}

	Filling outstanding(String text) {
		set(this.workbook.getSheet("Outstanding practice").getRow(3), 0).setCellValue(text);
		return this;
	}

	Path saveAs(Path file) {
		try (OutputStream out = Files.newOutputStream(file)) {
			this.workbook.write(out);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Cell set(Row row, int column) {
		return (row.getCell(column) != null) ? row.getCell(column) : row.createCell(column);
	}

	@Override
	public void close() {
		try {
			this.workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
