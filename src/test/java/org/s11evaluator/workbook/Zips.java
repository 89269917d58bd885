package org.s11evaluator.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Rewrites a workbook's zip as a hostile or careless sender would: parts replaced, parts added. */
final class Zips {

	/** What a replaced part is written as: given the part's original text. */
	@FunctionalInterface
	interface Part {

		void write(String original, OutputStream out) throws IOException;

	}

	private final Path source;

	private final Map<String, Part> replaced = new LinkedHashMap<>();

	private final Map<String, byte[]> added = new LinkedHashMap<>();

	private Zips(Path source) {
		this.source = source;
	}

	static Zips of(Path source) {
		return new Zips(source);
	}

	Zips replace(String name, Part part) {
		this.replaced.put(name, part);
		return this;
	}

	Zips add(String name, String text) {
		this.added.put(name, text.getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/** Extra rows inserted at the end of a sheet's data, streamed: {@code rows} is called with the stream. */
	Zips rowsAtEnd(String sheetPart, Part rows) {
		return replace(sheetPart, (original, out) -> {
			int end = original.indexOf("</sheetData>");
			out.write(original.substring(0, end).getBytes(StandardCharsets.UTF_8));
			rows.write(original, out);
			out.write(original.substring(end).getBytes(StandardCharsets.UTF_8));
		});
	}

	Path writeTo(Path target) {
		try (ZipFile zip = new ZipFile(this.source.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				ZipEntry entry = entries.nextElement();
				out.putNextEntry(new ZipEntry(entry.getName()));
				try (InputStream in = zip.getInputStream(entry)) {
					Part part = this.replaced.get(entry.getName());
					if (part != null) {
						part.write(new String(in.readAllBytes(), StandardCharsets.UTF_8), out);
					}
					else {
						in.transferTo(out);
					}
				}
				out.closeEntry();
			}
			for (Map.Entry<String, byte[]> part : this.added.entrySet()) {
				out.putNextEntry(new ZipEntry(part.getKey()));
				out.write(part.getValue());
				out.closeEntry();
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
