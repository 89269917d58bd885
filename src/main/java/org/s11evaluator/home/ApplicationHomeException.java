package org.s11evaluator.home;

/** The application home, or a folder the command needs inside it, is not there; the message says where it looked. */
public class ApplicationHomeException extends IllegalStateException {

	public ApplicationHomeException(String message) {
		super(message);
	}

}
