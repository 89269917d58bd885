package org.s11evaluator.cycle;

/** A cycle file that cannot be used, with the file and what is wrong. */
public class CycleException extends RuntimeException {

	public CycleException(String message) {
		super(message);
	}

}
