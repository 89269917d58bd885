package org.s11evaluator.rules;

/** Orders ids such as "2", "2.3" and "10.1" the way people read them, not as text. */
public final class ItemIds {

	private ItemIds() {
	}

	public static String sortKey(String id) {
		if (id == null) {
			return "";
		}
		StringBuilder key = new StringBuilder();
		for (String part : id.split("\\.")) {
			key.append(part.matches("\\d{1,6}") ? String.format("%06d", Integer.parseInt(part)) : part).append('.');
		}
		return key.toString();
	}

}
