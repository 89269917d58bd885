package org.s11evaluator.reporting;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in the order a reader expects: runs of digits compared as numbers (Agency 2 before Agency 10 before
 * Agency 100), the rest by the UK collator (case and accents second), so "Ysbyty Gwynedd" and "Łódź" sort among
 * their letters. Nulls last.
 */
final class NaturalOrder implements Comparator<String> {

	static final Comparator<String> INSTANCE = Comparator.nullsLast(new NaturalOrder());

	private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

	private final Collator collator = Collator.getInstance(Locale.UK);

	private NaturalOrder() {
		this.collator.setStrength(Collator.SECONDARY);
	}

	@Override
	public int compare(String a, String b) {
		Matcher left = CHUNK.matcher(a);
		Matcher right = CHUNK.matcher(b);
		while (left.find()) {
			if (!right.find()) {
				return 1;
			}
			String x = left.group();
			String y = right.group();
			boolean numbers = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
			int order = numbers ? compareNumbers(x, y) : this.collator.compare(x, y);
			if (order != 0) {
				return order;
			}
		}
		return right.find() ? -1 : a.compareTo(b);
	}

	private static int compareNumbers(String x, String y) {
		String a = x.replaceFirst("^0+(?=.)", "");
		String b = y.replaceFirst("^0+(?=.)", "");
		return (a.length() != b.length()) ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
	}

}
