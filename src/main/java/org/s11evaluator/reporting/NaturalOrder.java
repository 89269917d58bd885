package org.s11evaluator.reporting;

import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in the order a reader expects: runs of digits compared as numbers (Agency 2 before Agency 10 before
 * Agency 100), the rest by the UK collator (case and accents second), so "Ysbyty Gwynedd" and "Łódź" sort among
 * their letters. Nulls last.
 * <p>
 * Each name is broken into its runs and given the collator's key for each once ({@link CollationKey}, which orders
 * exactly as the collator's own comparison does), not at every comparison: a summary sorts the same few hundred names
 * thousands of times, and the collator normalises both strings afresh at each comparison (and is synchronised).
 */
final class NaturalOrder implements Comparator<String> {

	static final Comparator<String> INSTANCE = Comparator.nullsLast(new NaturalOrder());

	private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

	/** Names kept with their keys; emptied when full, so a long-lived process keeps no more than this many. */
	private static final int KEPT = 20_000;

	private final Collator collator = Collator.getInstance(Locale.UK);

	private final Map<String, Chunk[]> keys = new ConcurrentHashMap<>();

	/** A run of digits ({@code number} set: without leading zeros) or of other characters, with its collation key. */
	private record Chunk(CollationKey key, String number) {
	}

	private NaturalOrder() {
		this.collator.setStrength(Collator.SECONDARY);
	}

	@Override
	public int compare(String a, String b) {
		Chunk[] left = chunks(a);
		Chunk[] right = chunks(b);
		for (int i = 0; i < left.length; i++) {
			if (i >= right.length) {
				return 1;
			}
			Chunk x = left[i];
			Chunk y = right[i];
			int order = (x.number() != null && y.number() != null) ? compareNumbers(x.number(), y.number()) : x.key().compareTo(y.key());
			if (order != 0) {
				return order;
			}
		}
		return (right.length > left.length) ? -1 : a.compareTo(b);
	}

	private Chunk[] chunks(String name) {
		Chunk[] chunks = this.keys.get(name);
		if (chunks == null) {
			if (this.keys.size() >= KEPT) {
				this.keys.clear();
			}
			chunks = split(name);
			this.keys.put(name, chunks);
		}
		return chunks;
	}

	private Chunk[] split(String name) {
		List<Chunk> chunks = new ArrayList<>();
		Matcher matcher = CHUNK.matcher(name);
		while (matcher.find()) {
			String run = matcher.group();
			String number = Character.isDigit(run.charAt(0)) ? run.replaceFirst("^0+(?=.)", "") : null;
			chunks.add(new Chunk(this.collator.getCollationKey(run), number));
		}
		return chunks.toArray(Chunk[]::new);
	}

	private static int compareNumbers(String a, String b) {
		return (a.length() != b.length()) ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
	}

}
