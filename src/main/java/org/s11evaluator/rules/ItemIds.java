package org.s11evaluator.rules;

/** Orders ids such as "2", "2.3" and "10.1" the way people read them, not as text. */
public final class ItemIds {

	private ItemIds() {
	}

	public static String sortKey(String id) {
		if (id == null) {
			return "";
		}
		// each dot-separated part of up to six digits is zero-padded to six, so "2.10" sorts after "2.9"
		StringBuilder key = new StringBuilder(id.length() + 16);
		int start = 0;
		while (start <= id.length()) {
			int end = id.indexOf('.', start);
			if (end < 0) {
				end = id.length();
			}
			int length = end - start;
			boolean digits = length >= 1 && length <= 6;
			for (int i = start; digits && i < end; i++) {
				digits = id.charAt(i) >= '0' && id.charAt(i) <= '9';
			}
			if (digits) {
				key.append("000000", 0, 6 - length);
			}
			key.append(id, start, end).append('.');
			start = end + 1;
		}
		return key.toString();
	}

}
