package org.s11evaluator.command;

import java.io.PrintStream;

import org.s11evaluator.rules.RulesCommand;

/**
 * {@code rules check|test|explain} from a command line: read here, run by {@link RulesCommand} (the rules module
 * knows nothing of the command line), with no database.
 */
public final class RulesCommandLine {

	private RulesCommandLine() {
	}

	/**
	 * Reads a command line and runs it when it is {@code rules check|test|explain}; returns the process exit code
	 * (0 all good, 1 problems found, 2 command line not understood: printed with the usage, and nothing checked).
	 */
	public static int run(String[] args, PrintStream out) {
		Reading reading = CommandLineReader.read(args);
		if (reading instanceof Reading.Answer answer) {
			return answer.print(out, out);
		}
		java.util.Optional<Invocation.RulesRequest> request = ((Reading.Run) reading).invocation().rules();
		if (request.isEmpty()) {
			out.println(((Reading.Run) reading).invocation().command() + " is not a rules command that runs without the database.");
			return CommandLineReader.USAGE_ERROR;
		}
		return run(request.get(), out);
	}

	/** Runs {@code rules check|test|explain} as read from the command line. */
	public static int run(Invocation.RulesRequest request, PrintStream out) {
		return RulesCommand.run(request.action(), request.pack(), request.rulesDirectory(), request.junitXml(), out);
	}

}
