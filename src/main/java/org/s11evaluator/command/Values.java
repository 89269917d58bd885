package org.s11evaluator.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The typed values of options: each refuses a value of the wrong form with the form it expects, which the
 * command line prints as "--as-of: expected a date as YYYY-MM-DD (for example 2025-06-30), got '30/06/2025'".
 */
public final class Values {

	private Values() {
	}

	/** A value of the wrong form: the message says the form expected ("a date as YYYY-MM-DD (for example 2025-06-30)"). */
	public static final class Expected extends TypeConversionException {

		private static final long serialVersionUID = 1L;

		Expected(String form) {
			super(form);
		}

	}

	/** A whole number of 1 or more: {@code --last=10}. */
	public static final class Count implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			try {
				int count = Integer.parseInt(value.strip());
				if (count >= 1) {
					return count;
				}
			}
			catch (NumberFormatException ex) {
				// refused below
			}
			throw new Expected("a whole number of 1 or more (for example 10)");
		}

	}

	/** A whole number: {@code --seed=2026}. */
	public static final class WholeNumber implements ITypeConverter<Long> {

		@Override
		public Long convert(String value) {
			try {
				return Long.parseLong(value.strip());
			}
			catch (NumberFormatException ex) {
				throw new Expected("a whole number (for example 2026)");
			}
		}

	}

	/** A date on the calendar: {@code --as-of=2025-06-30}. */
	public static final class Date implements ITypeConverter<LocalDate> {

		@Override
		public LocalDate convert(String value) {
			try {
				return LocalDate.parse(value.strip());
			}
			catch (DateTimeParseException ex) {
				throw new Expected("a date as YYYY-MM-DD (for example 2025-06-30)");
			}
		}

	}

	/** Any text but blank (ids and folders are checked by the command). */
	public static final class Text implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			if (value.isBlank()) {
				throw new Expected("a value that is not blank");
			}
			return value;
		}

	}

	/**
	 * A file or folder that exists: a mistyped path is a command-line slip (exit 2, nothing done), not a rejected
	 * return. Relative paths are from the folder the command started in.
	 */
	public static final class ExistingPath implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			if (value.isBlank()) {
				throw new Expected("a file or folder, not blank");
			}
			java.nio.file.Path path = java.nio.file.Path.of(value);
			if (!java.nio.file.Files.exists(path)) {
				throw new Expected("a file or folder that exists; there is nothing at " + path.toAbsolutePath());
			}
			return value;
		}

	}

}
