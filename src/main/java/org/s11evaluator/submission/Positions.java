package org.s11evaluator.submission;

/**
 * Where a value of a return is in the file an agency sent, by JSON pointer: a line and column in a JSON file
 * ({@link JsonPositions}), or a sheet and cell in a workbook ({@link ConvertedReturn}).
 */
interface Positions {

	/** Where the pointer's value is, in the words an officer finds it by. */
	String describe(String pointer);

}
