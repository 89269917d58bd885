package org.s11evaluator.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Looks at a workbook's parts before any of it is read (an XLSX file is a zip of XML parts): refuses what is never
 * read from a return (macros, links to other workbooks, data connections, embedded objects and controls), and parts
 * whose unpacked size is over the limits, so that a zip bomb or a huge sheet is refused from the sizes its zip
 * declares, with a message naming the sheet. The sizes a zip declares can lie: what is read afterwards is read
 * through POI's own guard ({@code ZipSecureFile}: each part's unpacked size, and how far it may inflate), and a
 * part that breaks it is refused too ({@link WorkbookReturns}).
 */
final class WorkbookSafety {

	/** The largest part (a sheet, the shared strings) once unpacked. */
	static final long MAX_PART_BYTES = 20L * 1024 * 1024;

	/** All the parts together, once unpacked. */
	static final long MAX_TOTAL_BYTES = 100L * 1024 * 1024;

	static final int MAX_PARTS = 1_000;

	private static final Pattern SHEET = Pattern.compile("<(?:\\w+:)?sheet\\b([^>]*)>");

	private static final Pattern RELATIONSHIP = Pattern.compile("<(?:\\w+:)?Relationship\\b([^>]*)>");

	private WorkbookSafety() {
	}

	/** Every reason the workbook is refused before it is read; none when it may be read. */
	static List<String> check(Path file) {
		List<String> problems = new ArrayList<>();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Map<String, String> sheetNames = sheetNames(zip);
			long total = 0;
			int parts = 0;
			boolean macros = false;
			List<String> links = new ArrayList<>();
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				String lower = name.toLowerCase(Locale.ROOT);
				if (++parts > MAX_PARTS) {
					problems.add("the workbook has more than " + MAX_PARTS + " parts: it is not a return made from the template");
					break;
				}
				long size = entry.getSize();
				if (size > MAX_PART_BYTES) {
					String sheet = sheetNames.get(name);
					problems.add(((sheet != null) ? "the sheet \"" + sheet + "\" is " : "the part " + name + " is ") + megabytes(size)
							+ " once unpacked; a part of a return may be at most " + megabytes(MAX_PART_BYTES)
							+ ((sheet != null) ? " (a sheet of the template is a few hundred rows: delete the rows added below it)" : ""));
				}
				if (size > 0) {
					total += size;
				}
				if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml") || lower.startsWith("xl/macrosheets/")
						|| lower.startsWith("xl/dialogsheets/")) {
					macros = true;
				}
				else if (lower.startsWith("xl/externallinks/") && lower.endsWith(".xml")) {
					links.add(name);
				}
				else if (lower.equals("xl/connections.xml") || lower.startsWith("xl/querytables/")) {
					problems.add("the workbook has data connections (" + name + "): a return is read as it was saved, never refreshed from"
							+ " elsewhere; remove the connection and save the workbook again");
				}
				else if (lower.startsWith("xl/activex/") || lower.startsWith("xl/embeddings/")) {
					problems.add("the workbook has an embedded object or control (" + name + "): these are not read; give evidence as"
							+ " text or as a link in the Evidence links column");
				}
			}
			if (total > MAX_TOTAL_BYTES) {
				problems.add("the workbook is " + megabytes(total) + " once unpacked; a return may be at most " + megabytes(MAX_TOTAL_BYTES));
			}
			if (macros) {
				problems.add("the workbook contains macros (VBA): macros are never run or read; save it as an Excel Workbook (.xlsx)"
						+ " without macros and send that");
			}
			for (String link : links) {
				problems.add("the workbook links to another workbook" + target(zip, link)
						+ ": values from other files are not read; type the answers in, and remove the link (Data > Edit Links > Break Link)");
			}
			if (zip.getEntry("xl/workbook.xml") == null) {
				problems.add("the file is a zip archive but not an Excel workbook (it has no xl/workbook.xml)");
			}
		}
		catch (ZipException ex) {
			problems.add("the file cannot be opened as an Excel workbook (.xlsx): " + ex.getMessage());
		}
		catch (IOException ex) {
			problems.add("the file cannot be read: " + ex.getMessage());
		}
		return problems;
	}

	/** The sheet each worksheet part holds, by part name ({@code xl/worksheets/sheet3.xml} to {@code Standard 2}). */
	private static Map<String, String> sheetNames(ZipFile zip) throws IOException {
		Map<String, String> byPart = new HashMap<>();
		String workbook = small(zip, "xl/workbook.xml");
		String rels = small(zip, "xl/_rels/workbook.xml.rels");
		if (workbook == null || rels == null) {
			return byPart;
		}
		Map<String, String> targets = new HashMap<>();
		for (Matcher m = RELATIONSHIP.matcher(rels); m.find();) {
			String id = attribute(m.group(1), "Id");
			String target = attribute(m.group(1), "Target");
			if (id != null && target != null) {
				targets.put(id, target.startsWith("/") ? target.substring(1) : "xl/" + target);
			}
		}
		for (Matcher m = SHEET.matcher(workbook); m.find();) {
			String name = attribute(m.group(1), "name");
			String id = attribute(m.group(1), "r:id");
			if (name != null && id != null && targets.containsKey(id)) {
				byPart.put(targets.get(id), unescape(name));
			}
		}
		return byPart;
	}

	private static String target(ZipFile zip, String link) throws IOException {
		int slash = link.lastIndexOf('/');
		String rels = small(zip, link.substring(0, slash) + "/_rels/" + link.substring(slash + 1) + ".rels");
		if (rels != null) {
			Matcher m = RELATIONSHIP.matcher(rels);
			if (m.find() && attribute(m.group(1), "Target") != null) {
				return " (\"" + unescape(attribute(m.group(1), "Target")) + "\")";
			}
		}
		return "";
	}

	private static String attribute(String attributes, String name) {
		Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "\\s*=\\s*\"([^\"]*)\"").matcher(attributes);
		return m.find() ? m.group(1) : null;
	}

	private static String unescape(String xml) {
		return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
	}

	/** A small part's text (at most 1 MB read), or null. */
	private static String small(ZipFile zip, String name) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			return null;
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
		}
	}

	static String megabytes(long bytes) {
		long mb = bytes / (1024 * 1024);
		return (mb > 0) ? mb + " MB" : String.format("%,d bytes", bytes);
	}

}
