package org.s11evaluator.reporting;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.io.ScratchFile;

/**
 * Where a PDF's page contents and font subsets wait while the document is built: temporary files (so that two large
 * summaries do not sit whole on the heap), in a folder of this process that only its user can enter. PDFBox names
 * its files with {@link File#createTempFile}, which leaves them readable by anyone under the usual umask; what they
 * hold is what agencies wrote about children and staff, so they are never put in the shared temporary folder itself.
 * Each file is deleted when its document closes. Where the file system has no owner-only permissions, the document
 * is built in memory instead.
 */
final class PdfScratch {

	private static File folder;

	private PdfScratch() {
	}

	static StreamCacheCreateFunction streamCache() {
		File dir = folder();
		if (dir == null) {
			return IOUtils.createMemoryOnlyStreamCache();
		}
		return () -> new ScratchFile(MemoryUsageSetting.setupTempFileOnly().setTempDir(dir));
	}

	/** The owner-only folder (made again if something removed it); null where owner-only permissions do not exist. */
	static synchronized File folder() {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return null;
		}
		if (folder == null || !folder.isDirectory()) {
			try {
				Path made = Files.createTempDirectory("s11-pdf-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
				made.toFile().deleteOnExit();
				folder = made.toFile();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot make a private folder for building PDFs in " + System.getProperty("java.io.tmpdir"), ex);
			}
		}
		return folder;
	}

}
