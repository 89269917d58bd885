package org.s11evaluator.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.Finding;
import org.s11evaluator.rules.facts.FollowUpAction;
import org.s11evaluator.rules.facts.Fraction;
import org.s11evaluator.rules.facts.Item;
import org.s11evaluator.rules.facts.ItemRating;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.PartnershipRating;
import org.s11evaluator.rules.facts.PolicyValues;
import org.s11evaluator.rules.facts.Rag;
import org.s11evaluator.rules.facts.RatingTally;
import org.s11evaluator.rules.facts.Standard;
import org.s11evaluator.rules.facts.StandardRating;
import org.s11evaluator.rules.facts.Submission;
import org.s11evaluator.rules.facts.SurveyAnswer;

/**
 * What a rule may reach: the published fact model and a short list of value operations, as an allow-list of
 * (type, member) pairs. Everything not listed here is refused, whatever it is called and however it is
 * written: a rule cannot name {@code getClass}, a class loader, a stream or the engine's context, because
 * none of them is a member of any type on this list. The same list judges a rule's parsed expressions (by
 * Java names) and its compiled consequences (by the JVM's internal names), so a gap in one is caught by the
 * other.
 */
final class FactModel {

	/**
	 * The fact model: every public method a fact type declares itself is published to rules. {@link SurveyAnswer}
	 * (counts of a staff survey per agency and question, for challenge rules) holds only numbers and the question's
	 * text: nothing of a respondent, nothing a rule could reach further from.
	 */
	static final List<Class<?>> FACTS = List.of(Submission.class, Standard.class, Item.class, ItemResponse.class, AgencyAction.class,
			ItemRating.class, StandardRating.class, Finding.class, FollowUpAction.class, PartnershipRating.class, RatingTally.class,
			PolicyValues.class, Fraction.class, Rag.class, SurveyAnswer.class);

	/** The outcomes a rule may create with {@code new} and {@code insert}. */
	static final Set<Class<?>> OUTCOMES = Set.of(ItemRating.class, StandardRating.class, Finding.class, FollowUpAction.class,
			PartnershipRating.class);

	/** Value types and the members of each that a rule may use; none of them allocates without bound. */
	private static final Map<Class<?>, Set<String>> VALUE_MEMBERS = new LinkedHashMap<>();

	static {
		Set<String> object = Set.of("equals", "hashCode", "toString");
		Set<String> number = Set.of("intValue", "longValue", "doubleValue", "compareTo", "valueOf", "min", "max", "sum", "compare");
		VALUE_MEMBERS.put(Object.class, object);
		VALUE_MEMBERS.put(String.class, Set.of("length", "isEmpty", "isBlank", "equalsIgnoreCase", "contains", "startsWith", "endsWith",
				"toLowerCase", "toUpperCase", "trim", "strip", "substring", "indexOf", "lastIndexOf", "compareTo", "compareToIgnoreCase",
				"charAt", "valueOf", "matches"));
		VALUE_MEMBERS.put(CharSequence.class, Set.of("length", "isEmpty", "charAt"));
		VALUE_MEMBERS.put(Comparable.class, Set.of("compareTo"));
		VALUE_MEMBERS.put(Number.class, Set.of("intValue", "longValue", "doubleValue"));
		VALUE_MEMBERS.put(Integer.class, number);
		VALUE_MEMBERS.put(Long.class, number);
		VALUE_MEMBERS.put(Double.class, number);
		VALUE_MEMBERS.put(Boolean.class, Set.of("booleanValue", "valueOf", "compareTo"));
		VALUE_MEMBERS.put(Math.class, Set.of("min", "max", "abs", "floor", "ceil", "round", "floorDiv", "floorMod"));
		VALUE_MEMBERS.put(LocalDate.class, Set.of("plusDays", "plusWeeks", "plusMonths", "plusYears", "minusDays", "minusWeeks",
				"minusMonths", "minusYears", "isBefore", "isAfter", "isEqual", "getYear", "getMonthValue", "getDayOfMonth", "getDayOfYear",
				"lengthOfMonth", "isLeapYear", "withDayOfMonth", "withMonth", "withYear", "compareTo", "of", "parse", "until"));
		VALUE_MEMBERS.put(Period.class, Set.of("getYears", "getMonths", "getDays", "toTotalMonths", "isNegative", "isZero", "of", "ofDays",
				"ofWeeks", "ofMonths", "ofYears", "between"));
		VALUE_MEMBERS.put(ChronoUnit.class, Set.of("between", "name", "DAYS", "WEEKS", "MONTHS", "YEARS"));
		VALUE_MEMBERS.put(Enum.class, Set.of("name", "ordinal", "compareTo"));
		VALUE_MEMBERS.put(Collection.class, Set.of("size", "isEmpty", "contains", "containsAll"));
		VALUE_MEMBERS.put(List.class, Set.of("size", "isEmpty", "contains", "containsAll", "get", "indexOf"));
		VALUE_MEMBERS.put(Set.class, Set.of("size", "isEmpty", "contains", "containsAll"));
		VALUE_MEMBERS.put(Map.class, Set.of("get", "containsKey", "size", "isEmpty"));
	}

	/** The simple names a rule may write for a type (to use its constants or static methods, or as a pattern). */
	private static final Map<String, Class<?>> NAMEABLE = new HashMap<>();

	static {
		FACTS.forEach((type) -> NAMEABLE.put(type.getSimpleName(), type));
		for (Class<?> type : List.of(String.class, Integer.class, Long.class, Double.class, Number.class, Boolean.class, Math.class,
				LocalDate.class, Period.class, ChronoUnit.class, List.class, Set.class)) {
			NAMEABLE.put(type.getSimpleName(), type);
		}
	}

	/** What a primitive is treated as. */
	private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class, double.class,
			Double.class, boolean.class, Boolean.class, short.class, Integer.class, byte.class, Integer.class, float.class, Double.class,
			char.class, String.class);

	private FactModel() {
	}

	/** The type a rule means by this simple or fully qualified name, if it may name it at all. */
	static Optional<Class<?>> type(String name) {
		Class<?> type = NAMEABLE.get(name);
		if (type == null) {
			type = NAMEABLE.values().stream().filter((t) -> t.getName().equals(name)).findFirst().orElse(null);
		}
		return Optional.ofNullable(type);
	}

	static String nameableTypes() {
		return NAMEABLE.keySet().stream().sorted().collect(Collectors.joining(", "));
	}

	static String valueTypeNames() {
		return NAMEABLE.values().stream().filter((t) -> !isFact(t)).map(Class::getSimpleName).sorted().collect(Collectors.joining(", "));
	}

	/** The type on the allow-list with this JVM internal name ({@code java/lang/String}), if any. */
	static Optional<Class<?>> byInternalName(String internalName) {
		String name = internalName.replace('/', '.');
		return java.util.stream.Stream.concat(FACTS.stream(), VALUE_MEMBERS.keySet().stream())
			.filter((type) -> type.getName().equals(name))
			.findFirst();
	}

	static boolean isFact(Class<?> type) {
		return FACTS.contains(type);
	}

	static Class<?> box(Class<?> type) {
		return BOXES.getOrDefault(type, type);
	}

	/** True when a rule may use this member (method or constant) of this type, looked up through its supertypes. */
	static boolean allowed(Class<?> type, String member) {
		if (type == null || member.equals("getClass") || member.equals("getDeclaringClass")) {
			return false;
		}
		if (isFact(type) && declaresPublicly(type, member)) {
			return true;
		}
		for (Map.Entry<Class<?>, Set<String>> entry : VALUE_MEMBERS.entrySet()) {
			if (entry.getKey().isAssignableFrom(type) && entry.getValue().contains(member)
					&& (isFact(type) || isValueType(type) || entry.getKey() == Object.class)) {
				return true;
			}
		}
		return false;
	}

	/** A type whose values a rule may hold and call allowed members on. */
	static boolean usable(Class<?> type) {
		Class<?> boxed = box(type);
		return isFact(boxed) || isValueType(boxed) || boxed == Object.class || boxed == void.class;
	}

	private static boolean isValueType(Class<?> type) {
		return VALUE_MEMBERS.containsKey(type) || (type.isEnum() && VALUE_MEMBERS.containsKey(type));
	}

	private static boolean declaresPublicly(Class<?> type, String member) {
		if (type.isEnum() && Arrays.stream(type.getEnumConstants()).anyMatch((c) -> ((Enum<?>) c).name().equals(member))) {
			return true;
		}
		return Arrays.stream(type.getDeclaredMethods())
			.anyMatch((m) -> m.getName().equals(member) && Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()
					&& !member.equals("valueOf") && !member.equals("values"));
	}

	/**
	 * The allowed public methods of a type with this name and number of arguments, static or not as asked; the
	 * caller narrows by argument types.
	 */
	static List<Method> methods(Class<?> type, String name, int arity, boolean statics) {
		if (!allowed(type, name)) {
			return List.of();
		}
		return Arrays.stream(type.getMethods())
			.filter((m) -> m.getName().equals(name) && m.getParameterCount() == arity && Modifier.isStatic(m.getModifiers()) == statics
					&& !m.isSynthetic() && !m.isBridge())
			.toList();
	}

	/**
	 * The accessor MVEL property navigation would call for {@code type.property}, if it is allowed: the record
	 * component or method of that name, or its bean getter. Any other reading (a public field, a case-folded
	 * name, {@code class}) is not.
	 */
	static Optional<Method> property(Class<?> type, String property) {
		if (property.isEmpty()) {
			return Optional.empty();
		}
		String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
		for (String name : List.of(property, "get" + capitalised, "is" + capitalised)) {
			List<Method> candidates = methods(type, name, 0, false);
			if (!candidates.isEmpty()) {
				return Optional.of(candidates.get(0));
			}
		}
		return Optional.empty();
	}

	/** The names of the properties and methods a rule may use on a type, to suggest one for a misspelt name. */
	static List<String> memberNames(Class<?> type) {
		return Arrays.stream(type.getMethods())
			.filter((m) -> allowed(type, m.getName()) && !Modifier.isStatic(m.getModifiers()))
			.map(Method::getName)
			.filter((name) -> !Set.of("equals", "hashCode", "toString").contains(name))
			.distinct()
			.sorted()
			.toList();
	}

	/** The names of the properties and methods a rule may use on a type, for messages. */
	static String membersOf(Class<?> type) {
		return Arrays.stream(type.getMethods())
			.filter((m) -> allowed(type, m.getName()) && !Modifier.isStatic(m.getModifiers()))
			.map(Method::getName)
			.distinct()
			.sorted()
			.collect(Collectors.joining(", "));
	}

}
