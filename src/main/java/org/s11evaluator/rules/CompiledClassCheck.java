package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * Reads the bytecode Drools compiled from a rule's consequence, {@code eval} and accumulate expressions, and
 * refuses every instruction that reaches anything but the fact model, the allowed value operations, text
 * joining and {@code insert}. Drools' generated invoker classes (plumbing around the rule's own class) may
 * also use the engine's own types, and nothing else.
 */
final class CompiledClassCheck {

	private static final String KNOWLEDGE_HELPER = "org/drools/core/rule/consequence/KnowledgeHelper";

	private static final Set<String> BOXES = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Double", "java/lang/Boolean",
			"java/lang/Short", "java/lang/Byte", "java/lang/Float", "java/lang/Character");

	private final String className;

	private final boolean invoker;

	private final List<String> refusals = new ArrayList<>();

	private CompiledClassCheck(String className, boolean invoker) {
		this.className = className;
		this.invoker = invoker;
	}

	/** What is wrong with one compiled class, in plain words; empty when it only does what a rule may. */
	static List<String> check(String className, byte[] bytes, boolean invoker) {
		CompiledClassCheck check = new CompiledClassCheck(className, invoker);
		new ClassReader(bytes).accept(check.visitor(), ClassReader.SKIP_DEBUG);
		return check.refusals;
	}

	private ClassVisitor visitor() {
		return new ClassVisitor(Opcodes.ASM9) {
			@Override
			public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
				if (!"java/lang/Object".equals(superName)) {
					refuse("extends " + superName);
				}
				if (!CompiledClassCheck.this.invoker && interfaces.length > 0) {
					refuse("implements " + String.join(", ", interfaces));
				}
			}

			@Override
			public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
				if (!CompiledClassCheck.this.invoker && !name.equals("serialVersionUID")) {
					refuse("declares the field " + name);
				}
				return null;
			}

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
				if (!CompiledClassCheck.this.invoker && name.equals("<clinit>")) {
					refuse("has a static initialiser");
				}
				return instructions();
			}
		};
	}

	private MethodVisitor instructions() {
		return new MethodVisitor(Opcodes.ASM9) {
			@Override
			public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
				if (!allowedCall(owner, name, descriptor)) {
					refuse("calls " + owner.replace('/', '.') + "." + name);
				}
			}

			@Override
			public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
				if (!allowedField(opcode, owner, name)) {
					refuse("uses the field " + owner.replace('/', '.') + "." + name);
				}
			}

			@Override
			public void visitTypeInsn(int opcode, String type) {
				if (!allowedType(opcode, type)) {
					refuse((opcode == Opcodes.NEW ? "creates " : "uses the type ") + type.replace('/', '.'));
				}
			}

			@Override
			public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
				if (!bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
					refuse("uses " + bootstrap.getOwner().replace('/', '.') + " (lambdas and method references are not allowed)");
				}
			}

			@Override
			public void visitLdcInsn(Object value) {
				if (value instanceof Type || value instanceof Handle || value instanceof org.springframework.asm.ConstantDynamic) {
					refuse("loads the constant " + value);
				}
			}

			private final Set<org.springframework.asm.Label> seen = new java.util.HashSet<>();

			@Override
			public void visitLabel(org.springframework.asm.Label label) {
				this.seen.add(label);
			}

			@Override
			public void visitJumpInsn(int opcode, org.springframework.asm.Label label) {
				if (this.seen.contains(label) && !CompiledClassCheck.this.invoker) {
					refuse("loops (jumps back)");
				}
			}

			@Override
			public void visitTableSwitchInsn(int min, int max, org.springframework.asm.Label fallback, org.springframework.asm.Label... labels) {
				refuse("has a switch");
			}

			@Override
			public void visitLookupSwitchInsn(org.springframework.asm.Label fallback, int[] keys, org.springframework.asm.Label[] labels) {
				refuse("has a switch");
			}

			@Override
			public void visitTryCatchBlock(org.springframework.asm.Label start, org.springframework.asm.Label end,
					org.springframework.asm.Label handler, String type) {
				if (!CompiledClassCheck.this.invoker) {
					refuse("catches exceptions");
				}
			}

			@Override
			public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
				refuse("creates an array");
			}

			@Override
			public void visitIntInsn(int opcode, int operand) {
				if (opcode == Opcodes.NEWARRAY) {
					refuse("creates an array");
				}
			}
		};
	}

	private boolean allowedCall(String owner, String name, String descriptor) {
		if (owner.equals("java/lang/Object") && name.equals("<init>")) {
			return true;
		}
		if (owner.equals("java/lang/StringBuilder") && Set.of("<init>", "append", "toString").contains(name)) {
			return true;
		}
		if (BOXES.contains(owner) && (name.equals("valueOf") || name.endsWith("Value"))) {
			return true;
		}
		if (owner.equals(KNOWLEDGE_HELPER) && name.equals("insert") && descriptor.equals("(Ljava/lang/Object;)Lorg/kie/api/runtime/rule/FactHandle;")) {
			return true;
		}
		if (owner.equals("org/drools/mvel/field/FieldFactory") && Set.of("getInstance", "getFieldValue").contains(name)) {
			return true;
		}
		if (this.invoker && plumbing(owner)) {
			return true;
		}
		Optional<Class<?>> type = FactModel.byInternalName(owner);
		if (type.isEmpty()) {
			return false;
		}
		return name.equals("<init>") ? FactModel.OUTCOMES.contains(type.get()) : FactModel.allowed(type.get(), name);
	}

	private boolean allowedField(int opcode, String owner, String name) {
		if (this.invoker && (owner.equals(this.className) || plumbing(owner) || owner.equals("java/lang/Boolean"))) {
			return true;
		}
		if (opcode != Opcodes.GETSTATIC) {
			return false;
		}
		if (owner.equals("java/lang/Boolean") && (name.equals("TRUE") || name.equals("FALSE"))) {
			return true;
		}
		Optional<Class<?>> type = FactModel.byInternalName(owner);
		return type.isPresent() && type.get().isEnum() && FactModel.allowed(type.get(), name);
	}

	private boolean allowedType(int opcode, String type) {
		if (this.invoker && (plumbing(type) || type.equals("java/lang/String") || type.equals("java/lang/Boolean"))) {
			return true;
		}
		if (opcode == Opcodes.ANEWARRAY) {
			return false;
		}
		if (opcode == Opcodes.NEW) {
			return type.equals("java/lang/StringBuilder")
					|| FactModel.byInternalName(type).filter(FactModel.OUTCOMES::contains).isPresent();
		}
		return type.equals(KNOWLEDGE_HELPER) || BOXES.contains(type) || FactModel.byInternalName(type).isPresent();
	}

	/** Drools' own types, which its generated invokers use to hand facts to the rule's class. */
	private boolean plumbing(String owner) {
		return owner.startsWith("org/drools/") || owner.startsWith("org/kie/") || owner.equals("java/lang/Object")
				|| owner.equals("java/lang/String") || owner.startsWith(this.className.substring(0, this.className.lastIndexOf('/') + 1) + "Rule_")
				|| FactModel.byInternalName(owner).isPresent();
	}

	private void refuse(String what) {
		String simple = this.className.substring(this.className.lastIndexOf('/') + 1);
		this.refusals.add("the compiled rule code (" + simple + ") " + what + ", which a rule may not do");
	}

}
