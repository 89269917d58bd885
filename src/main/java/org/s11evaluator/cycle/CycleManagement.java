package org.s11evaluator.cycle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.logging.LogValues;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.yaml.LimitedYaml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens audit cycles, records their closing and reopening, and answers which cycles exist. */
@Service
public class CycleManagement {

	private static final Logger log = LoggerFactory.getLogger(CycleManagement.class);

	private final JdbcClient jdbc;

	private final RulePacks packs;

	private final ObjectMapper yaml = LimitedYaml.reader();

	private final org.springframework.context.ApplicationEventPublisher events;

	CycleManagement(JdbcClient jdbc, RulePacks packs, org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.packs = packs;
		this.events = events;
	}

	/** Opens (or updates) the cycle described by a {@code cycle.yaml}; returns its id. */
	@Transactional
	public String open(Path file) {
		String[] text = new String[1];
		CycleDefinition cycle = read(file, text);
		CycleGroupsCheck.Resolved groups = CycleGroupsCheck.resolve(file, text[0], cycle, this.packs.ids());
		closure(cycle.id()).filter(CycleClosure::isClosed).ifPresent((closed) -> {
			throw new CycleException(file + ": cycle " + cycle.id() + " is closed (edition " + closed.latestEdition()
					+ " published); nothing was changed; " + CycleClosure.howToReopen(cycle.id()));
		});
		RulePack pack = this.packs.load(cycle.packId());
		String partnershipName = (cycle.partnershipName() != null) ? cycle.partnershipName()
				: cycle.partnership().equals(pack.id()) ? pack.framework().partnership().name() : cycle.partnership();
		this.jdbc.sql("insert into partnership (id, name) values (?, ?) on duplicate key update name = values(name)")
			.params(cycle.partnership(), partnershipName)
			.update();
		this.jdbc.sql("""
				insert into audit_cycle (id, partnership_id, pack_id, title, opens_on, return_deadline, status, unexpected_agencies,
				  definition_file)
				values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)
				on duplicate key update title = values(title), opens_on = values(opens_on),
				  return_deadline = values(return_deadline), pack_id = values(pack_id),
				  unexpected_agencies = values(unexpected_agencies), definition_file = values(definition_file)""")
			.params(cycle.id(), cycle.partnership(), pack.id(), cycle.title(), cycle.opens(), cycle.returnDeadline(),
					cycle.unexpectedAgencies().name(), file.toAbsolutePath().normalize().toString())
			.update();
		this.jdbc.sql("delete from cycle_agency where cycle_id = ?").param(cycle.id()).update();
		for (CycleDefinition.ExpectedAgency agency : cycle.agencies()) {
			saveAgency(agency.id(), agency.name(), agency.sector());
			this.jdbc.sql("insert into cycle_agency (cycle_id, agency_id, pack_id) values (?, ?, ?)")
				.params(cycle.id(), agency.id(), groups.agencyPacks().get(agency.id()))
				.update();
		}
		saveGroups(cycle.id(), groups);
		// what the stored returns hold of their cycle (pack, agency names) is theirs to bring up to date, in this transaction
		this.events.publishEvent(new CycleOpened(cycle.id(), cycle.agencies().stream().map(CycleDefinition.ExpectedAgency::id).toList()));
		log.info("Opened cycle {} for {} (rule pack {}) with {} expected agencies; returns from others: {}", LogValues.escape(cycle.id()),
				LogValues.escape(cycle.partnership()), LogValues.escape(pack.id()), cycle.agencies().size(),
				(cycle.unexpectedAgencies() == UnexpectedAgencies.REJECT) ? "rejected" : "accepted and flagged");
		return cycle.id();
	}

	/** Replaces the cycle's groups (templates or partnerships) and the templates chosen by sector. */
	private void saveGroups(String cycleId, CycleGroupsCheck.Resolved groups) {
		this.jdbc.sql("delete from cycle_group_agency where cycle_id = ?").param(cycleId).update();
		this.jdbc.sql("delete from cycle_group where cycle_id = ?").param(cycleId).update();
		this.jdbc.sql("delete from cycle_template_sector where cycle_id = ?").param(cycleId).update();
		int position = 0;
		for (CycleGroup group : groups.groups()) {
			this.jdbc.sql("insert into cycle_group (cycle_id, group_id, kind, name, pack_id, position) values (?, ?, ?, ?, ?, ?)")
				.params(cycleId, group.id(), group.kind(), group.name(), group.packId(), position++)
				.update();
			for (String agency : group.agencyIds()) {
				this.jdbc.sql("insert into cycle_group_agency (cycle_id, group_id, agency_id) values (?, ?, ?)").params(cycleId, group.id(), agency)
					.update();
			}
		}
		groups.sectorPacks().forEach((sector, pack) -> this.jdbc.sql("insert into cycle_template_sector (cycle_id, sector, pack_id) values (?, ?, ?)")
			.params(cycleId, sector, pack)
			.update());
		if (!groups.groups().isEmpty()) {
			log.info("Cycle {} has {} groups: {}", LogValues.escape(cycleId), groups.groups().size(), LogValues.escape(groups.groups().stream()
				.map((g) -> g.id() + " (" + g.agencyIds().size() + " agencies, pack " + g.packId() + ")").toList()));
		}
	}

	/** The template (pack) a return from the agency is judged by in the cycle (see {@link CycleGroups#templateFor}). */
	public Optional<String> templateFor(String cycleId, String agencyId, String sector) {
		return new CycleGroups(this.jdbc).templateFor(cycleId, agencyId, sector);
	}

	/** Records an agency a return names, unless it is known already: cycle files, not returns, name agencies. */
	public void registerAgency(String id, String name, String sector) {
		this.jdbc.sql("insert ignore into agency (id, name, sector) values (?, ?, ?)").params(id, name, sector).update();
	}

	/** Records an agency, or updates its name and sector. */
	public void saveAgency(String id, String name, String sector) {
		this.jdbc.sql("""
				insert into agency (id, name, sector) values (?, ?, ?)
				on duplicate key update name = values(name), sector = coalesce(values(sector), sector)""")
			.params(id, name, sector)
			.update();
	}

	/** How the cycle treats a return from an agency not on its list, and the file that holds the list. */
	public ExpectedAgencies expectedAgencies(String cycleId) {
		return this.jdbc.sql("select unexpected_agencies, definition_file from audit_cycle where id = ?")
			.param(cycleId)
			.query((rs, i) -> new ExpectedAgencies(UnexpectedAgencies.valueOf(rs.getString(1)),
					(rs.getString(2) != null) ? rs.getString(2) : "the cycle.yaml of " + cycleId))
			.optional()
			.orElseThrow(() -> new CycleException("No audit cycle '" + cycleId + "'"));
	}

	/** An agency of the register, if known (for a template made for it). */
	public Optional<RegisteredAgency> agency(String id) {
		return this.jdbc.sql("select id, name, sector from agency where id = ?").param(id).query(RegisteredAgency.class).optional();
	}

	/** An agency a cycle expects a return from: its id and name. */
	public record CycleAgency(String id, String name) {
	}

	/** The agencies the cycle expects returns from, by name. */
	public List<CycleAgency> agencies(String cycleId) {
		return this.jdbc.sql("select a.id, a.name from cycle_agency ca join agency a on a.id = ca.agency_id where ca.cycle_id = ? order by a.name")
			.param(cycleId)
			.query((rs, i) -> new CycleAgency(rs.getString(1), rs.getString(2)))
			.list();
	}

	public Optional<Cycle> find(String id) {
		return this.jdbc.sql("select id, partnership_id, pack_id, title, opens_on, return_deadline, status from audit_cycle where id = ?")
			.param(id)
			.query(Cycle.class)
			.optional();
	}

	/** The cycle's lifecycle state, if there is such a cycle. */
	public Optional<CycleClosure> closure(String id) {
		return this.jdbc.sql("select id as cycle_id, status, closed_at, closed_pack_version as pack_version, latest_edition from audit_cycle where id = ?")
			.param(id)
			.query(CycleClosure.class)
			.optional();
	}

	/** Marks an open cycle closed, with the pack version frozen and the edition just published; false if it was not open. */
	@Transactional
	public boolean markClosed(String id, LocalDateTime closedAtUtc, String packVersion, int edition) {
		return this.jdbc.sql("""
				update audit_cycle set status = 'CLOSED', closed_at = ?, closed_pack_version = ?, latest_edition = ?
				where id = ? and status = 'OPEN'""")
			.params(closedAtUtc, packVersion, edition, id)
			.update() == 1;
	}

	/** Opens a closed cycle again (its last closing and edition are kept); false if it was not closed. */
	@Transactional
	public boolean markReopened(String id) {
		return this.jdbc.sql("update audit_cycle set status = 'OPEN' where id = ? and status = 'CLOSED'").param(id).update() == 1;
	}

	/** The cycles closed before the time given (UTC), oldest first. */
	public List<CycleClosure> closedBefore(LocalDateTime utc) {
		return this.jdbc.sql("""
				select id as cycle_id, status, closed_at, closed_pack_version as pack_version, latest_edition from audit_cycle
				where status = 'CLOSED' and closed_at < ? order by closed_at""")
			.param(utc)
			.query(CycleClosure.class)
			.list();
	}

	/** The cycles a run's scope ({@link RunScope}) covers. */
	public List<Cycle> inScope(String scope) {
		java.util.Map<String, Object> parameters = new java.util.HashMap<>();
		String where = RunScope.sql(scope, "c", parameters);
		return this.jdbc.sql("select c.id, c.partnership_id, c.pack_id, c.title, c.opens_on, c.return_deadline, c.status from audit_cycle c where "
				+ where + " order by c.id")
			.params(parameters)
			.query(Cycle.class)
			.list();
	}

	public List<Cycle> openCycles() {
		return inScope(RunScope.ALL_OPEN_CYCLES);
	}

	private CycleDefinition read(Path file, String[] read) {
		CycleDefinition cycle;
		String text = null;
		try {
			text = java.nio.file.Files.readString(file);
			read[0] = text;
			cycle = this.yaml.readValue(text, CycleDefinition.class);
		}
		catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException ex) {
			// at the misspelt key's own line (Jackson's location is the end of the enclosing group), with the nearest key
			List<String> known = ex.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
			String[] lines = text.split("\n", -1);
			int line = ex.getLocation() != null ? ex.getLocation().getLineNr() : 0;
			java.util.regex.Pattern key = java.util.regex.Pattern.compile("^[\\s-]*" + java.util.regex.Pattern.quote(ex.getPropertyName()) + "\\s*:");
			for (int i = 0; i < lines.length; i++) {
				if (key.matcher(lines[i]).find()) {
					line = i + 1;
					break;
				}
			}
			throw new CycleException(file + ":" + line + ": unknown field '" + ex.getPropertyName() + "': expected one of " + known
					+ org.s11evaluator.rules.DidYouMean.closest(ex.getPropertyName(), known).map((c) -> "; did you mean " + c + "?").orElse(""));
		}
		catch (JsonProcessingException ex) {
			// at the line where the mistake is, in plain words (as the rule packs' YAML files)
			org.s11evaluator.yaml.YamlMistake mistake = org.s11evaluator.yaml.YamlMistake.of(ex, text);
			throw new CycleException(file + ":" + mistake.line() + ": " + mistake.message());
		}
		catch (IOException ex) {
			throw new CycleException(file + ": cannot be read: " + ex.getMessage());
		}
		List<String> missing = new ArrayList<>();
		if (cycle.id() == null) {
			missing.add("id");
		}
		if (cycle.partnership() == null) {
			missing.add("partnership");
		}
		if (cycle.title() == null) {
			missing.add("title");
		}
		if (cycle.opens() == null) {
			missing.add("opens");
		}
		if (cycle.returnDeadline() == null) {
			missing.add("returnDeadline");
		}
		if (!missing.isEmpty()) {
			throw new CycleException(file + ": missing " + String.join(", ", missing));
		}
		List<String> problems = new ArrayList<>();
		idProblem(problems, "id", IdFormat.CYCLE, cycle.id());
		idProblem(problems, "partnership", IdFormat.PARTNERSHIP, cycle.partnership());
		if (cycle.rulePack() != null) {
			idProblem(problems, "rulePack", IdFormat.RULE_PACK, cycle.rulePack());
		}
		for (int i = 0; i < cycle.agencies().size(); i++) {
			idProblem(problems, "agencies[" + i + "].id", IdFormat.AGENCY, cycle.agencies().get(i).id());
		}
		if (!problems.isEmpty()) {
			throw new CycleException(file + ": " + String.join("; ", problems));
		}
		return cycle;
	}

	private static void idProblem(List<String> problems, String field, IdFormat format, String id) {
		String problem = format.problem(id);
		if (problem != null) {
			problems.add(field + " " + problem);
		}
	}

}
