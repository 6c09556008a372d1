package io.finrec.examples.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the style guide's documentation rules over every module's main sources: each package has a
 * {@code package-info.java}, and each public type (top-level or nested) has a javadoc comment right before its
 * declaration (annotations may stand between them).
 */
class DocumentationTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:class|interface|record|enum|@interface)\\s+\\w+");

    private static List<Path> mainSources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path m : modules.filter(Files::isDirectory).sorted().toList()) {
                Path src = m.resolve("src/main/java");
                if (!Files.isDirectory(src)) continue;
                try (Stream<Path> files = Files.walk(src)) {
                    files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Set<Path> dirs = new TreeSet<>();
        for (Path f : mainSources()) dirs.add(f.getParent());
        List<String> missing = new ArrayList<>();
        for (Path d : dirs) {
            String rel = ROOT.relativize(d).toString().replace('\\', '/');
            if (!Files.exists(d.resolve("package-info.java")))
                missing.add(rel);
        }
        assertTrue(dirs.size() > 30, "scanned " + dirs.size() + " packages under " + ROOT);
        assertTrue(missing.isEmpty(), "packages without package-info.java:\n" + String.join("\n", missing));
    }

    @Test
    void everyPublicTypeHasAJavadoc() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path f : mainSources()) {
            if (f.getFileName().toString().equals("package-info.java")) continue;
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i : undocumentedPublicTypes(lines))
                missing.add(ROOT.relativize(f) + ":" + (i + 1) + " " + lines.get(i).trim());
        }
        assertTrue(missing.isEmpty(), "public types without javadoc:\n" + String.join("\n", missing));
    }

    @Test
    void theCheckSeesThroughMultiLineAnnotations() {
        assertTrue(undocumentedPublicTypes(List.of("/** Doc. */", "@Command(name = \"x\",", "    subcommands = {",
                "        A.class,", "    })", "public final class X {", "}")).isEmpty());
        assertTrue(undocumentedPublicTypes(List.of("/* not javadoc */", "public record R(int a) {}"))
                .equals(List.of(1)));
        assertTrue(undocumentedPublicTypes(List.of("/** Doc. */", "int x;", "public enum E { A }")).equals(List.of(2)));
    }

    /** Line indexes of public type declarations not preceded by a javadoc (annotations in between allowed). */
    static List<Integer> undocumentedPublicTypes(List<String> lines) {
        List<Integer> out = new ArrayList<>();
        boolean documented = false;
        int annotationDepth = 0;
        boolean inComment = false, javadoc = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (inComment) {
                if (t.contains("*/")) {
                    inComment = false;
                    documented = javadoc;
                }
                continue;
            }
            if (t.startsWith("/*")) {
                javadoc = t.startsWith("/**");
                if (t.contains("*/")) documented = javadoc;
                else inComment = true;
                continue;
            }
            if (t.isEmpty() || t.startsWith("//")) continue;
            if (annotationDepth > 0 || (t.startsWith("@") && !t.startsWith("@interface"))) {
                annotationDepth += count(t, '(') - count(t, ')');
                if (annotationDepth < 0) annotationDepth = 0;
                continue;
            }
            if (PUBLIC_TYPE.matcher(lines.get(i)).find() && !documented) out.add(i);
            documented = false;
        }
        return out;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
