package org.s11evaluator.survey;

import java.util.Comparator;

/** Item ids in the framework's order: 1.2 before 1.10, numbers compared as numbers. */
final class ItemOrder implements Comparator<String> {

	static final Comparator<String> INSTANCE = Comparator.nullsLast(new ItemOrder());

	@Override
	public int compare(String a, String b) {
		String[] x = a.split("\\.");
		String[] y = b.split("\\.");
		for (int i = 0; i < Math.min(x.length, y.length); i++) {
			int c = (x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")) ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
					: x[i].compareTo(y[i]);
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(x.length, y.length);
	}

}
