package org.s11evaluator.rules.facts;

/**
 * An exact share, such as a third or 20%, compared with counts in whole numbers so that no rounding can move
 * a boundary: {@code exceededBy(5, 12)} asks whether 5 of 12 is more than this share.
 */
public record Fraction(long numerator, long denominator) {

	public Fraction {
		if (denominator <= 0 || numerator < 0 || numerator > denominator) {
			throw new IllegalArgumentException("a share must be between 0 and 1, such as 1/3 or 20%");
		}
	}

	/** Reads "1/3" or "20%" (whole or decimal percent, e.g. "33.5%"). */
	public static Fraction parse(String text) {
		String value = text.strip();
		try {
			if (value.endsWith("%")) {
				java.math.BigDecimal percent = new java.math.BigDecimal(value.substring(0, value.length() - 1).strip());
				java.math.BigDecimal scaled = percent.movePointRight(Math.max(percent.scale(), 0));
				long denominator = 100L * java.math.BigInteger.TEN.pow(Math.max(percent.scale(), 0)).longValueExact();
				return new Fraction(scaled.longValueExact(), denominator);
			}
			int slash = value.indexOf('/');
			if (slash > 0) {
				return new Fraction(Long.parseLong(value.substring(0, slash).strip()), Long.parseLong(value.substring(slash + 1).strip()));
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// fall through to the plain message below
		}
		throw new IllegalArgumentException("\"" + text + "\" is not a share: write it as a fraction such as 1/3 or a percentage such as 20%");
	}

	/** True when {@code part} of {@code whole} is more than this share. */
	public boolean exceededBy(int part, int whole) {
		return (long) part * this.denominator > (long) whole * this.numerator;
	}

	/** True when {@code part} of {@code whole} is at least this share. */
	public boolean reachedBy(int part, int whole) {
		return (long) part * this.denominator >= (long) whole * this.numerator;
	}

	@Override
	public String toString() {
		return this.numerator + "/" + this.denominator;
	}

}
