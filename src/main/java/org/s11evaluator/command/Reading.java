package org.s11evaluator.command;

/** What a command line asks for, read in full before anything starts. */
public sealed interface Reading {

	/**
	 * Answered without running anything: the usage or version asked for (exit 0, printed on standard output), or
	 * why the command line was refused with the usage (exit {@value CommandLineReader#USAGE_ERROR}, on standard error).
	 */
	record Answer(int exitCode, String text) implements Reading {

		/** Prints the answer where it belongs and returns the exit code. */
		public int print(java.io.PrintStream out, java.io.PrintStream err) {
			java.io.PrintStream to = (this.exitCode == 0) ? out : err;
			to.print(this.text.endsWith("\n") ? this.text : this.text + "\n");
			to.flush();
			return this.exitCode;
		}

	}

	/** The command line names a command and nothing it does not accept: run it. */
	record Run(Invocation invocation) implements Reading {
	}

}
