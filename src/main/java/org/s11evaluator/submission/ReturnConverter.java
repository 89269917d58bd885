package org.s11evaluator.submission;

import java.nio.file.Path;

/**
 * A format of return other than the documented JSON (a workbook), turned into that JSON before anything of it is
 * checked: the import then validates, checks the cycle and stores it exactly as a JSON return, and names each
 * problem where the agency finds it in its own file ({@link ConvertedReturn#places()}). Implemented outside this
 * module (package {@code workbook}); the import asks each converter it is given whether it reads a file.
 */
public interface ReturnConverter {

	/** Whether this converter reads the file (by its name), so the import hands it over instead of reading JSON. */
	boolean reads(Path file);

	/** Reads the file; never throws for a bad file: every reason is in {@link ConvertedReturn#problems()}. */
	ConvertedReturn convert(Path file);

}
