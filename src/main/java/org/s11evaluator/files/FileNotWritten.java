package org.s11evaluator.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file could not be published, said in plain words that name the folder or the file and the cause ("the output
 * folder /x is read-only", "no space left on device writing /x/summary.pdf"). The previous file, if any, is
 * untouched. The underlying exception is kept as the cause, for the log at DEBUG.
 */
public class FileNotWritten extends UncheckedIOException {

	private static final long serialVersionUID = 1L;

	FileNotWritten(String message, IOException cause) {
		super(message, cause);
	}

	/** The plain reason why {@code target} could not be written, from the file system's own error. */
	static FileNotWritten of(Path target, IOException ex) {
		Path file = target.toAbsolutePath().normalize();
		Path folder = file.getParent();
		String reason = reason(ex).toLowerCase(Locale.ROOT);
		String message;
		if (reason.contains("no space left")) {
			message = "no space left on device writing " + file;
		}
		else if (reason.contains("quota")) {
			message = "disk quota exceeded writing " + file;
		}
		else if (reason.contains("read-only file system")) {
			message = "the output folder " + folder + " is read-only (the file system is mounted read-only)";
		}
		else if (ex instanceof AccessDeniedException || reason.contains("operation not permitted") || reason.contains("permission denied")) {
			message = "the output folder " + folder + " is read-only (" + reason + ")";
		}
		else if (Files.isDirectory(file)) {
			message = "cannot write " + file + ": a folder of that name is in the way";
		}
		else if (!Files.isDirectory(folder) && Files.exists(folder)) {
			message = "cannot write " + file + ": " + folder + " is a file, not a folder";
		}
		else {
			message = "cannot write " + file + ": " + reason;
		}
		return new FileNotWritten(message, ex);
	}

	private static String reason(IOException ex) {
		if (ex instanceof FileSystemException fs && fs.getReason() != null) {
			return fs.getReason();
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
