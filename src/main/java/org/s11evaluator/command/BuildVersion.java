package org.s11evaluator.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the name and version of this build, from the build information Spring Boot's Maven plugin
 * writes ({@code META-INF/build-info.properties}, also behind {@code /actuator/info}), else the jar's manifest.
 */
public final class BuildVersion implements IVersionProvider {

	@Override
	public String[] getVersion() {
		return new String[] { describe() };
	}

	/** For example "s11-evaluator 0.1.0-SNAPSHOT (built 2026-12-01T17:00:00Z)". */
	public static String describe() {
		Properties build = new Properties();
		try (InputStream in = BuildVersion.class.getResourceAsStream("/META-INF/build-info.properties")) {
			if (in != null) {
				build.load(in);
			}
		}
		catch (IOException ex) {
			// fall back on the manifest
		}
		String version = build.getProperty("build.version", BuildVersion.class.getPackage().getImplementationVersion());
		if (version == null) {
			return "s11-evaluator (version unknown: this build carries no build information)";
		}
		String time = build.getProperty("build.time");
		return build.getProperty("build.artifact", "s11-evaluator") + " " + version + ((time != null) ? " (built " + time + ")" : "");
	}

}
