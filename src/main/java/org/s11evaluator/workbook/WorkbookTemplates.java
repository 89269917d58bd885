package org.s11evaluator.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.cycle.RegisteredAgency;
import org.s11evaluator.files.AtomicFiles;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.submission.StoredSubmissions;
import org.springframework.stereotype.Service;

/**
 * The {@code template} command's work: a workbook generated from a pack's framework for agencies to fill in, for a
 * pack, a cycle, or one agency in a cycle. For an agency in a cycle that follows an earlier one of the same
 * partnership, the workbook is pre-filled with its answers there and its actions still open, each marked as
 * carried forward. Written atomically.
 */
@Service
public class WorkbookTemplates {

	private final RulePacks packs;

	private final CycleManagement cycles;

	private final StoredSubmissions stored;

	private final Clock clock;

	WorkbookTemplates(RulePacks packs, CycleManagement cycles, StoredSubmissions stored, Clock clock) {
		this.packs = packs;
		this.cycles = cycles;
		this.stored = stored;
		this.clock = clock;
	}

	/** What was written: the file, and what it carries forward (none when there is no earlier return). */
	public record Written(Path file, String packId, String cycleId, String agencyId, Optional<String> carriedFrom, int answersCarried,
			int actionsCarried) {
	}

	/**
	 * Writes a template. {@code packId} may be left out when a cycle is given (the cycle's pack is used); when both
	 * are given they must agree. {@code out} is a file ({@code .xlsx}) or a folder (the file is then named after the
	 * cycle or pack, and the agency).
	 */
	public Written write(Optional<String> packId, Optional<String> cycleId, Optional<String> agencyId, Path out) {
		Optional<Cycle> cycle = cycleId.map((id) -> this.cycles.find(id)
			.orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + id + "': open it first with its cycle.yaml")));
		if (packId.isEmpty() && cycle.isEmpty()) {
			throw new IllegalArgumentException("Give --pack=ID (one of " + this.packs.ids() + "), or --cycle=ID");
		}
		if (agencyId.isPresent() && cycle.isEmpty()) {
			throw new IllegalArgumentException("--agency needs --cycle: a template for an agency is for its return in a cycle");
		}
		String pack = packId.orElseGet(() -> cycle.get().packId());
		if (cycle.isPresent() && !cycle.get().packId().equals(pack)) {
			throw new IllegalArgumentException("Cycle " + cycle.get().id() + " is judged by the pack " + cycle.get().packId() + ", not " + pack
					+ ": leave --pack out, or give --pack=" + cycle.get().packId());
		}
		RulePack rulePack = this.packs.load(pack);
		Optional<RegisteredAgency> agency = agencyId.flatMap(this.cycles::agency);
		TemplateWriter.Carried carried = null;
		if (agencyId.isPresent()) {
			carried = this.stored.earlierReturn(cycle.get().id(), agencyId.get()).map(WorkbookTemplates::carried).orElse(null);
		}
		String readme = readme(this.packs.folder(pack).resolve("README.md"));
		TemplateWriter.Request request = new TemplateWriter.Request(rulePack, cycle.map(Cycle::id).orElse(null), agencyId.orElse(null),
				agency.map(RegisteredAgency::name).orElse(null), agency.map(RegisteredAgency::sector).orElse(null), carried, readme,
				Instant.now(this.clock).toString());
		Path file = target(out, pack, cycle.map(Cycle::id), agencyId);
		try (XSSFWorkbook workbook = TemplateWriter.write(request)) {
			AtomicFiles.write(file, workbook::write);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the template " + file.toAbsolutePath(), ex);
		}
		return new Written(file, pack, cycle.map(Cycle::id).orElse(null), agencyId.orElse(null),
				Optional.ofNullable(carried).map(TemplateWriter.Carried::cycleId),
				(carried != null) ? carried.answers().size() : 0, (carried != null) ? countKnown(carried, rulePack) : 0);
	}

	private static int countKnown(TemplateWriter.Carried carried, RulePack pack) {
		var items = pack.framework().standardByItemId();
		return (int) carried.openActions().stream()
			.filter((a) -> (a.itemId() != null) ? items.containsKey(a.itemId())
					: a.standardId() != null && pack.framework().standard(a.standardId()).isPresent())
			.count();
	}

	private static TemplateWriter.Carried carried(StoredSubmissions.EarlierReturn earlier) {
		Map<String, ItemResponse> answers = new LinkedHashMap<>();
		earlier.facts().responses().forEach((response) -> answers.put(response.itemId(), response));
		List<AgencyAction> open = earlier.facts().actions().stream().filter((action) -> action.completed() == null).toList();
		return new TemplateWriter.Carried(earlier.cycleId(), answers, open);
	}

	private static Path target(Path out, String pack, Optional<String> cycle, Optional<String> agency) {
		String name = cycle.orElse(pack) + agency.map((id) -> "-" + id).orElse("") + "-return.xlsx";
		boolean workbook = out.getFileName() != null && out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
		if (Files.isDirectory(out) || !workbook) {
			if (Files.exists(out) && !Files.isDirectory(out)) {
				throw new IllegalArgumentException("--out " + out + ": a template is an Excel workbook, name it *.xlsx (or give a folder)");
			}
			return out.resolve(name);
		}
		return out;
	}

	private static String readme(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
