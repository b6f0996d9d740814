package org.tally;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import stays a small core and small readers (issue #24, item 3; docs/import.md,
 * "Code"): no main file under {@code org/tally/ingest} over 400 lines, no method of an
 * {@code org.tally.ingest} class spanning more than 60. A method's span is read from the
 * compiled classes' line numbers ({@code target/classes}): from its first line with code
 * to its last, so comments and the signature do not count; a lambda is a method of its
 * own. A constructor's span starts at its own first line, not at the field initialisers
 * that the compiler copies into it; the static initialiser (the static fields) is not a
 * method anyone wrote and is not measured.
 */
class ImportSizeTests {

	private static final int MAX_FILE_LINES = 400;

	private static final int MAX_METHOD_LINES = 60;

	private static final Path SOURCES = Path.of("src/main/java/org/tally/ingest");

	private static final Path CLASSES = Path.of("target/classes/org/tally/ingest");

	/**
	 * Files allowed over the limit, each with why; empty today. A file brought under the
	 * limit leaves the list (the test fails while an allowed file is short or gone).
	 */
	private static final Set<String> ALLOWED_FILES = Set.of();

	/**
	 * Methods ({@code Class.method}) allowed over the limit, each with why; empty today,
	 * kept to the same rule as {@link #ALLOWED_FILES}.
	 */
	private static final Set<String> ALLOWED_METHODS = Set.of();

	@Test
	void noImportFileIsOverFourHundredLines() throws IOException {
		Map<String, Long> tooLong = longFiles();
		tooLong.keySet().removeAll(ALLOWED_FILES);
		assertThat(tooLong).as("files under %s over %d lines (path=lines)", SOURCES, MAX_FILE_LINES).isEmpty();
	}

	@Test
	void noImportMethodSpansMoreThanSixtyLines() throws IOException {
		Map<String, Integer> tooLong = longMethods();
		tooLong.keySet().removeAll(ALLOWED_METHODS);
		assertThat(tooLong).as("methods of org.tally.ingest over %d lines (Class.method=lines)", MAX_METHOD_LINES)
			.isEmpty();
	}

	@Test
	void everyAllowedEntryIsStillOverTheLimit() throws IOException {
		Map<String, Long> files = longFiles();
		Map<String, Integer> methods = longMethods();
		assertThat(Stream
			.concat(ALLOWED_FILES.stream().filter((file) -> !files.containsKey(file)),
					ALLOWED_METHODS.stream().filter((method) -> !methods.containsKey(method)))
			.sorted()).as("allowed entries now within the limit or gone: take them off the list").isEmpty();
	}

	@Test
	void theMethodsAreMeasured() throws IOException {
		// guards against measuring nothing (classes not compiled, package moved)
		assertThat(spans()).containsKey("CountMerge.apply").containsKey("CsvResultsReader.read");
	}

	/** Every file under {@link #SOURCES} over the limit: its path there and its lines. */
	private static Map<String, Long> longFiles() throws IOException {
		Map<String, Long> tooLong = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((file) -> file.toString().endsWith(".java")).toList()) {
				long lines;
				try (Stream<String> text = Files.lines(file)) {
					lines = text.count();
				}
				if (lines > MAX_FILE_LINES) {
					tooLong.put(SOURCES.relativize(file).toString().replace('\\', '/'), lines);
				}
			}
		}
		return tooLong;
	}

	private static Map<String, Integer> longMethods() throws IOException {
		Map<String, Integer> tooLong = new TreeMap<>(spans());
		tooLong.values().removeIf((lines) -> lines <= MAX_METHOD_LINES);
		return tooLong;
	}

	/**
	 * The span of every method of every class under {@link #CLASSES}, by
	 * {@code Class.method} (the class name without its package; overloads share a name
	 * and the longest counts).
	 */
	private static Map<String, Integer> spans() throws IOException {
		assertThat(CLASSES).as("compiled classes (run the tests through Maven)").isDirectory();
		Map<String, Integer> spans = new TreeMap<>();
		List<Path> classFiles;
		try (Stream<Path> files = Files.walk(CLASSES)) {
			classFiles = files.filter((file) -> file.toString().endsWith(".class")).toList();
		}
		for (Path classFile : classFiles) {
			try (InputStream in = Files.newInputStream(classFile)) {
				new ClassReader(in).accept(new Spans(spans), ClassReader.SKIP_FRAMES);
			}
		}
		return spans;
	}

	/** Collects the span of each method of one class. */
	private static final class Spans extends ClassVisitor {

		private final Map<String, Integer> spans;

		private String className;

		Spans(Map<String, Integer> spans) {
			super(Opcodes.ASM9);
			this.spans = spans;
		}

		@Override
		public void visit(int version, int access, String name, String signature, String superName,
				String[] interfaces) {
			this.className = name.substring(name.lastIndexOf('/') + 1);
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			if (name.equals("<clinit>")) {
				return null;
			}
			String method = this.className + "." + name;
			return new MethodVisitor(Opcodes.ASM9) {

				private int first = -1;

				private int last = -1;

				@Override
				public void visitLineNumber(int line, Label start) {
					// the first line in code order: a constructor's own (its super call)
					// comes before the field initialisers copied into it
					if (this.first < 0) {
						this.first = line;
					}
					this.last = Math.max(this.last, line);
				}

				@Override
				public void visitEnd() {
					if (this.first >= 0) {
						Spans.this.spans.merge(method, this.last - this.first + 1, Math::max);
					}
				}

			};
		}

	}

}
