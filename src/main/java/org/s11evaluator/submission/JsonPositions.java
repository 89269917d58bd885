package org.s11evaluator.submission;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Where each value of a return starts in its file (line and column), by JSON pointer, so that every problem
 * found in the tree, by the schema or by the framework checks, can say where an officer finds it in the file.
 */
final class JsonPositions implements Positions {

	private static final JsonFactory FACTORY = new JsonFactory();

	private final Map<String, JsonLocation> starts;

	private JsonPositions(Map<String, JsonLocation> starts) {
		this.starts = starts;
	}

	/** Reads the token locations of a document that has already been read as valid JSON. */
	static JsonPositions of(String content) {
		Map<String, JsonLocation> starts = new HashMap<>();
		Deque<Frame> frames = new ArrayDeque<>();
		try (JsonParser parser = FACTORY.createParser(content)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.FIELD_NAME) {
					frames.peek().name = parser.currentName();
				}
				else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
					frames.pop();
				}
				else {
					if (!frames.isEmpty() && frames.peek().array) {
						frames.peek().index++;
					}
					starts.put(pointer(frames), parser.currentTokenLocation());
					if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
						frames.push(new Frame(token == JsonToken.START_ARRAY));
					}
				}
			}
		}
		catch (IOException ex) {
			// the document was read whole before; positions found so far are kept, the rest fall back to the root
		}
		return new JsonPositions(starts);
	}

	/**
	 * Where a pointer's value starts, as {@code line 14, column 9 (responses[2].rating)}. A pointer to a
	 * value that is not there (a missing field) is placed at the nearest enclosing value that is.
	 */
	@Override
	public String describe(String pointer) {
		String at = pointer;
		JsonLocation location = this.starts.get(at);
		while (location == null && !at.isEmpty()) {
			at = at.substring(0, at.lastIndexOf('/'));
			location = this.starts.get(at);
		}
		String path = path(pointer);
		String where = (location != null) ? "line " + location.getLineNr() + ", column " + location.getColumnNr() : "file";
		return path.isEmpty() ? where : where + " (" + path + ")";
	}

	/** A JSON pointer in the dotted form an officer reads: {@code /responses/2/rating} is {@code responses[2].rating}. */
	static String path(String pointer) {
		StringBuilder path = new StringBuilder();
		if (pointer.isEmpty()) {
			return "";
		}
		for (String segment : pointer.substring(1).split("/", -1)) {
			String name = segment.replace("~1", "/").replace("~0", "~");
			if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
				path.append('[').append(name).append(']');
			}
			else {
				path.append(path.isEmpty() ? "" : ".").append(name);
			}
		}
		return path.toString();
	}

	static String pointer(Object... segments) {
		StringBuilder pointer = new StringBuilder();
		for (Object segment : segments) {
			pointer.append('/').append(String.valueOf(segment).replace("~", "~0").replace("/", "~1"));
		}
		return pointer.toString();
	}

	private static String pointer(Deque<Frame> frames) {
		StringBuilder pointer = new StringBuilder();
		for (var it = frames.descendingIterator(); it.hasNext();) {
			Frame frame = it.next();
			pointer.append('/');
			if (frame.array) {
				pointer.append(frame.index);
			}
			else {
				pointer.append(frame.name.replace("~", "~0").replace("/", "~1"));
			}
		}
		return pointer.toString();
	}

	private static final class Frame {

		private final boolean array;

		private int index = -1;

		private String name;

		Frame(boolean array) {
			this.array = array;
		}

	}

}
