package org.s11evaluator.command;

import picocli.CommandLine.Option;

/**
 * {@code --home=DIR}, accepted by every command (a picocli mixin): the application home, handed on as the system
 * property {@value #PROPERTY} before Spring starts or a rules command runs. What the home holds and how it is
 * resolved is the application home's business ({@code org.s11evaluator.home}), not the command line's.
 */
public final class HomeOption {

	/** The system property the application home is read from. */
	public static final String PROPERTY = "s11.home";

	@Option(names = "--home", paramLabel = "DIR", converter = Values.Text.class,
			description = "the folder holding rules/, batch-config/, output/ and the embedded data; default: $S11_HOME, else the working folder if it holds rules/ or batch-config/, else the checkout the jar is in")
	String home;

	/** The folder given with {@code --home}, or null. */
	public String home() {
		return this.home;
	}

}
