package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the library, read from the compiled main classes.
 *
 * <p>Rules:
 * <ul>
 *   <li>No cycle between packages. Exception types are leaves (any layer may throw or catch
 *       them), and so are the few public value types in {@link #LEAVES}, which every layer may
 *       use; neither takes part in the package graph.</li>
 *   <li>A leaf really is one: it uses nothing of the library but other leaves.</li>
 *   <li>Internal code may use a public class only if that class does not use the internal
 *       class's package back (a public class is either above the internal one or beside it,
 *       never both).</li>
 * </ul>
 */
final class LayeringTest {
    private static final String ROOT = "org.javamiko";
    private static final String INTERNAL = "org.javamiko.internal";

    /** Public value types every layer may name: records, enums and callbacks without logic. */
    static final Set<String> LEAVES = Set.of(
        "org.javamiko.transport.AlgorithmKind",
        "org.javamiko.transport.Negotiated",
        "org.javamiko.transport.Prompt",
        "org.javamiko.transport.InteractiveHandler",
        "org.javamiko.sftp.ProgressListener",
        "org.javamiko.ScpProgressListener",
        "org.javamiko.PtyOptions",
        "org.javamiko.PortForward");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    }

    static boolean isLeaf(JavaClass c) {
        JavaClass top = outermost(c);
        return top.isAssignableTo(Throwable.class) || LEAVES.contains(top.getName());
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static boolean isOurs(JavaClass c) {
        return c.getPackageName().equals(ROOT) || c.getPackageName().startsWith(ROOT + ".");
    }

    private static boolean isInternal(JavaClass c) {
        return c.getPackageName().equals(INTERNAL) || c.getPackageName().startsWith(INTERNAL + ".");
    }

    /** The package a class counts for in the graph, or null for leaves and outside classes. */
    private static String nodeOf(JavaClass c) {
        JavaClass base = c.getBaseComponentType();
        if (!isOurs(base) || isLeaf(base) || base.getSimpleName().equals("module-info")) {
            return null;
        }
        return base.getPackageName();
    }

    @Test
    void noCycleBetweenPackages() {
        // package -> package it uses -> one example "A -> B" per edge
        Map<String, Map<String, String>> graph = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = nodeOf(c);
            if (from == null) {
                continue;
            }
            graph.computeIfAbsent(from, k -> new TreeMap<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = nodeOf(d.getTargetClass());
                if (to != null && !to.equals(from)) {
                    graph.get(from).putIfAbsent(to, outermost(c).getSimpleName() + " -> "
                        + outermost(d.getTargetClass().getBaseComponentType()).getSimpleName());
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : new StronglyConnected(graph).components()) {
            if (component.size() < 2) {
                continue;
            }
            StringBuilder sb = new StringBuilder("cycle among " + component + ":");
            for (String from : component) {
                for (Map.Entry<String, String> e : graph.get(from).entrySet()) {
                    if (component.contains(e.getKey())) {
                        sb.append("\n    ").append(from).append(" -> ").append(e.getKey())
                            .append("   (e.g. ").append(e.getValue()).append(')');
                    }
                }
            }
            cycles.add(sb.toString());
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    /** Tarjan's strongly connected components of a small graph. */
    private static final class StronglyConnected {
        private final Map<String, Map<String, String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> result = new ArrayList<>();

        StronglyConnected(Map<String, Map<String, String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return result;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                result.add(component);
            }
        }
    }

    @Test
    void leavesUseOnlyLeaves() {
        List<String> offences = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!isOurs(c) || !LEAVES.contains(outermost(c).getName())) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                if (isOurs(target) && !isLeaf(target)) {
                    offences.add(d.getDescription());
                }
            }
        }
        assertThat(offences).as("a leaf type uses a non-leaf class of the library").isEmpty();
    }

    @Test
    void internalCodeUsesNoPublicClassThatUsesItBack() {
        Set<String> offences = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!isInternal(c)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                if (!isOurs(target) || isInternal(target) || isLeaf(target)) {
                    continue;
                }
                JavaClass publicTop = outermost(target);
                for (JavaClass member : publicFamily(publicTop)) {
                    for (Dependency back : member.getDirectDependenciesFromSelf()) {
                        if (back.getTargetClass().getBaseComponentType().getPackageName().equals(c.getPackageName())) {
                            offences.add(outermost(c).getName() + " uses " + publicTop.getName()
                                + ", which uses " + back.getTargetClass().getName() + " back");
                        }
                    }
                }
            }
        }
        assertThat(offences).as("internal code uses a public class that uses its package back").isEmpty();
    }

    /** A public class with its nested and anonymous classes. */
    private static List<JavaClass> publicFamily(JavaClass top) {
        List<JavaClass> family = new ArrayList<>();
        for (JavaClass c : classes) {
            if (c.getName().equals(top.getName()) || c.getName().startsWith(top.getName() + "$")) {
                family.add(c);
            }
        }
        return family;
    }
}
