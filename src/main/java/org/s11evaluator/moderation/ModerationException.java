package org.s11evaluator.moderation;

/** A moderated rating that cannot be recorded, saying why in words a user can act on. */
public class ModerationException extends RuntimeException {

	public ModerationException(String message) {
		super(message);
	}

}
