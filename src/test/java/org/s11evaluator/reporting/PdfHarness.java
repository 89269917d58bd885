package org.s11evaluator.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.s11evaluator.S11Application;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the board summary's PDF alone (not a test): what one PDF costs its thread (wall, CPU, bytes allocated) and
 * the heap while several are rendered at once, on printed HTML taken once from a database; and compares two sets of
 * PDFs page by page (PDFBox's text of each page), so that a change to the renderer can be shown to print the same.
 * <pre>
 * java -cp target/test-classes:target/classes:CP org.s11evaluator.reporting.PdfHarness export DIR --spring.datasource.url=...
 * java -Xmx512m -cp ... org.s11evaluator.reporting.PdfHarness render DIR RUNS THREADS [PDF-DIR]
 * java -cp ... org.s11evaluator.reporting.PdfHarness compare PDF-DIR-A PDF-DIR-B
 * </pre>
 * {@code export} writes the printed edition of every cycle's summary to {@code DIR/<cycle>.html}, with a fixed
 * generation time so that two exports of the same data are the same bytes. {@code render} renders each HTML file
 * RUNS times on THREADS threads (the files shared out among them) and prints one line per PDF and the medians of
 * the last runs, and the heap's peak (sampled every 10 ms) and its most in use after a collection.
 */
final class PdfHarness {

	private static final Instant GENERATED = Instant.parse("2026-12-01T02:00:00Z");

	private PdfHarness() {
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "export" -> export(Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
			case "render" -> render(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
					(args.length > 4) ? Path.of(args[4]) : null, System.out);
			case "compare" -> System.exit(compare(Path.of(args[1]), Path.of(args[2]), System.out) ? 0 : 1);
			default -> throw new IllegalArgumentException("export, render or compare");
		}
	}

	static void export(Path dir, String[] springProperties) throws IOException {
		Files.createDirectories(dir);
		SpringApplication application = new SpringApplication(S11Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(springProperties)) {
			CycleSummaryQuery query = context.getBean(CycleSummaryQuery.class);
			CycleSummaries summaries = context.getBean(CycleSummaries.class);
			List<String> cycles = context.getBean(JdbcClient.class).sql("select id from audit_cycle order by id").query(String.class).list();
			for (String cycle : cycles) {
				CycleSummary s = query.build(cycle, LocalDate.of(2026, 12, 1));
				CycleSummary fixed = new CycleSummary(s.format(), GENERATED, s.asOf(), s.cycle(), s.participation(), s.register(), s.rejectedFiles(),
						s.ratingPolicy(), s.standards(), s.heatmap(), s.improvementPlan(), s.progress(), s.themes(), s.provenance(), s.framing(),
						s.narrative(), s.groups(), s.moderation());
				Files.writeString(dir.resolve(cycle + ".html"), summaries.html(fixed, true), StandardCharsets.UTF_8);
				System.out.println("exported " + cycle + " (" + s.register().size() + " agencies)");
			}
		}
	}

	record Rendered(String file, int run, long wallNanos, long cpuNanos, long allocated, int pages, int bytes) {
	}

	static void render(Path dir, int runs, int threads, Path pdfOut, PrintStream out) throws Exception {
		List<Path> files;
		try (Stream<Path> listed = Files.list(dir)) {
			files = listed.filter((f) -> f.toString().endsWith(".html")).sorted().toList();
		}
		if (pdfOut != null) {
			Files.createDirectories(pdfOut);
		}
		com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		List<Rendered> all = java.util.Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long started = System.nanoTime();
		List<Future<?>> work = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			work.add(pool.submit(() -> {
				for (int run = 0; run < runs; run++) {
					for (int i = thread; i < files.size(); i += threads) {
						Path file = files.get(i);
						String html = Files.readString(file);
						ByteArrayOutputStream pdf = new ByteArrayOutputStream();
						long id = Thread.currentThread().getId();
						long cpu = mx.getThreadCpuTime(id);
						long bytes = mx.getThreadAllocatedBytes(id);
						long wall = System.nanoTime();
						int pages = PdfRenderer.render(html, pdf);
						Rendered r = new Rendered(file.getFileName().toString(), run, System.nanoTime() - wall, mx.getThreadCpuTime(id) - cpu,
								mx.getThreadAllocatedBytes(id) - bytes, pages, pdf.size());
						all.add(r);
						out.printf("%-40s run %d: wall %6d ms, cpu %6d ms, allocated %6d MB, %d pages, %d KB%n", r.file(), run, r.wallNanos() / 1_000_000,
								r.cpuNanos() / 1_000_000, r.allocated() >> 20, pages, pdf.size() >> 10);
						if (pdfOut != null && run == runs - 1) {
							Files.write(pdfOut.resolve(file.getFileName().toString().replace(".html", ".pdf")), pdf.toByteArray());
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> f : work) {
			f.get();
		}
		long elapsed = System.nanoTime() - started;
		pool.shutdown();
		sampler.interrupt();
		long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter((p) -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null)
			.mapToLong((p) -> p.getCollectionUsage().getUsed()).sum();
		out.println("median of the runs after the first, per file:");
		Map<String, List<Rendered>> byFile = new java.util.TreeMap<>();
		all.stream().filter((r) -> runs == 1 || r.run() > 0).forEach((r) -> byFile.computeIfAbsent(r.file(), (k) -> new ArrayList<>()).add(r));
		byFile.forEach((file, rs) -> out.printf("%-40s wall %6d ms, cpu %6d ms (least %6d ms), allocated %6d MB, %d pages (%d runs)%n", file,
				median(rs, Rendered::wallNanos) / 1_000_000, median(rs, Rendered::cpuNanos) / 1_000_000,
				rs.stream().mapToLong(Rendered::cpuNanos).min().orElse(0) / 1_000_000, median(rs, Rendered::allocated) >> 20, rs.get(0).pages(),
				rs.size()));
		out.printf("all: %d PDFs in %d ms on %d thread(s); heap peak %d MB (sampled), last after-collection %d MB, max %d MB%n", all.size(),
				elapsed / 1_000_000, threads, peak.get() >> 20, afterGc >> 20, Runtime.getRuntime().maxMemory() >> 20);
	}

	private static long median(List<Rendered> rs, java.util.function.ToLongFunction<Rendered> f) {
		long[] v = rs.stream().mapToLong(f).sorted().toArray();
		return v[v.length / 2];
	}

	/** True if every PDF in A has a PDF of the same name in B with the same pages, each with the same text. */
	static boolean compare(Path a, Path b, PrintStream out) throws IOException {
		boolean same = true;
		List<Path> files;
		try (Stream<Path> listed = Files.list(a)) {
			files = listed.filter((f) -> f.toString().endsWith(".pdf")).sorted().toList();
		}
		Map<String, String> differences = new ConcurrentHashMap<>();
		for (Path file : files) {
			try (PDDocument left = Loader.loadPDF(file.toFile()); PDDocument right = Loader.loadPDF(b.resolve(file.getFileName()).toFile())) {
				if (left.getNumberOfPages() != right.getNumberOfPages()) {
					differences.put(file.getFileName().toString(), left.getNumberOfPages() + " pages against " + right.getNumberOfPages());
					continue;
				}
				int differ = 0;
				long chars = 0;
				for (int page = 1; page <= left.getNumberOfPages(); page++) {
					String l = text(left, page);
					String r = text(right, page);
					chars += l.length();
					if (!l.equals(r)) {
						differ++;
						if (differ == 1) {
							out.println(file.getFileName() + " page " + page + " differs:\n--- A\n" + l + "\n--- B\n" + r);
						}
					}
				}
				String leftTree = structure(left);
				boolean sameTree = leftTree.equals(structure(right));
				out.printf("%-40s %d pages, %d characters, %s; structure tree (%d characters) %s%n", file.getFileName(), left.getNumberOfPages(),
						chars, (differ == 0) ? "every page's text the same" : differ + " page(s) differ", leftTree.length(),
						sameTree ? "the same" : "DIFFERENT");
				if (!sameTree) {
					differ++;
				}
				if (differ > 0) {
					differences.put(file.getFileName().toString(), differ + " pages differ");
				}
			}
		}
		if (!differences.isEmpty()) {
			out.println("DIFFERENT: " + differences);
			same = false;
		}
		return same && !files.isEmpty();
	}

	/** The structure tree as text: each element's type, attributes' owners, and its marked-content ids with their pages. */
	private static String structure(PDDocument document) {
		StringBuilder tree = new StringBuilder();
		java.util.Map<org.apache.pdfbox.pdmodel.PDPage, Integer> pages = new java.util.IdentityHashMap<>();
		for (int i = 0; i < document.getNumberOfPages(); i++) {
			pages.put(document.getPage(i), i + 1);
		}
		structure(document.getDocumentCatalog().getStructureTreeRoot().getKids(), pages, tree);
		return tree.toString();
	}

	private static void structure(List<Object> kids, java.util.Map<org.apache.pdfbox.pdmodel.PDPage, Integer> pages, StringBuilder tree) {
		for (Object kid : kids) {
			if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
				tree.append('(').append(e.getStructureType()).append(" p").append(pages.get(e.getPage()));
				for (int i = 0; i < e.getAttributes().size(); i++) {
					tree.append(" a:").append(e.getAttributes().getObject(i).getOwner());
				}
				if (e.getAlternateDescription() != null) {
					tree.append(" alt:").append(e.getAlternateDescription());
				}
				structure(e.getKids(), pages, tree);
				tree.append(')');
			}
			else if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent m) {
				tree.append(" m").append(m.getMCID());
			}
			else if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference) {
				tree.append(" objr"); // a link annotation's place in the tree (its toString is an identity hash)
			}
			else {
				tree.append(' ').append(kid);
			}
		}
	}

	private static String text(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

}
