package org.s11evaluator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * Finds, in compiled classes, the SQL that names a table another module owns: every string constant of a class
 * (literals and text blocks, constant fields, the constant parts of concatenations) is searched for
 * {@code from|join|into|update|delete from <table>}, and a table owned by a module other than the class's own is
 * reported with the class, the table and its owner.
 */
public final class TableReferences {

	private static final Pattern SQL_TABLE = Pattern.compile("\\b(?:from|join|into|update|table)\\s+`?([a-z_][a-z_0-9]*)`?",
			Pattern.CASE_INSENSITIVE);

	private TableReferences() {
	}

	/** A class naming, in its SQL, a table of another module. */
	public record Reach(String className, String module, String table, String owner) {

		@Override
		public String toString() {
			return this.className + " (module " + this.module + ") names table " + this.table + ", owned by module " + this.owner;
		}

	}

	/**
	 * The reaches in the classes under {@code classes} whose package starts with {@code basePackage}; the module of a
	 * class is the first package below the base, the owners are module to tables.
	 */
	public static List<Reach> find(Path classes, String basePackage, Map<String, Set<String>> owners) {
		Path root = classes.resolve(basePackage.replace('.', '/'));
		List<Reach> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".class")).sorted().toList()) {
				String relative = root.relativize(file).toString().replace('\\', '/');
				if (!relative.contains("/")) {
					continue; // the base package itself belongs to no module
				}
				String module = relative.substring(0, relative.indexOf('/'));
				String className = basePackage + "." + relative.replace('/', '.').replaceAll("\\.class$", "");
				for (String table : tablesNamed(Files.readAllBytes(file))) {
					owners.forEach((owner, tables) -> {
						if (!owner.equals(module) && tables.contains(table)) {
							found.add(new Reach(className, module, table, owner));
						}
					});
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	/** The table names that follow an SQL keyword in the class's string constants. */
	static Set<String> tablesNamed(byte[] classFile) {
		Set<String> tables = new TreeSet<>();
		for (String constant : constants(classFile)) {
			Matcher m = SQL_TABLE.matcher(constant);
			while (m.find()) {
				tables.add(m.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	private static List<String> constants(byte[] classFile) {
		List<String> constants = new ArrayList<>();
		new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {

			@Override
			public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
				if (value instanceof String text) {
					constants.add(text);
				}
				return null;
			}

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
				return new MethodVisitor(Opcodes.ASM9) {

					@Override
					public void visitLdcInsn(Object value) {
						if (value instanceof String text) {
							constants.add(text);
						}
					}

					@Override
					public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
						for (Object argument : arguments) {
							if (argument instanceof String text) {
								constants.add(text); // a concatenation's recipe: its constant parts
							}
						}
					}

				};
			}

		}, ClassReader.SKIP_DEBUG);
		return constants;
	}

}
