package org.s11evaluator.reporting;

/**
 * The summary's two editions, cut from one rendering of its template: the HTML (every action in the plan) and the
 * printed edition for the PDF (the plan by agency and its overdue actions, when the plan is too long to print).
 * The template marks what only one edition shows with comments ({@code <!--s11:print-only-->} ...
 * {@code <!--/s11:print-only-->}, and the same for {@code screen-only}); nothing an agency writes can make one, since
 * the template's text output escapes every {@code <}. Each edition is the rendering with the other edition's parts
 * and every marker removed, so it is exactly what rendering the template for that edition alone would give.
 */
record SummaryEditions(String screen, String printed) {

	private static final String PRINT = "s11:print-only";

	private static final String SCREEN = "s11:screen-only";

	/** Both editions of one rendering; the printed one is the HTML itself unless the plan is too long to print. */
	static SummaryEditions of(String rendered, boolean planIsLong) {
		String screen = keep(rendered, SCREEN, PRINT);
		return new SummaryEditions(screen, planIsLong ? keep(rendered, PRINT, SCREEN) : screen);
	}

	/** The rendering with the {@code dropped} parts cut out and the markers of both removed. */
	private static String keep(String rendered, String kept, String dropped) {
		String open = "<!--" + dropped + "-->";
		String close = "<!--/" + dropped + "-->";
		StringBuilder out = new StringBuilder(rendered.length());
		int from = 0;
		for (int start = rendered.indexOf(open); start >= 0; start = rendered.indexOf(open, from)) {
			int end = rendered.indexOf(close, start);
			if (end < 0) {
				throw new IllegalStateException("The summary template opens " + open + " without closing it");
			}
			out.append(rendered, from, start);
			from = end + close.length();
		}
		out.append(rendered, from, rendered.length());
		return out.toString().replace("<!--" + kept + "-->", "").replace("<!--/" + kept + "-->", "");
	}

}
