package io.finrec.recsys.spark;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Small helpers for running FinRec on Spark: a local session with the settings the tests and the CLI use, and the
 * JVM flags Spark needs on Java 17 outside {@code spark-submit}. Stateless and thread-safe.
 */
public final class SparkSupport {
    /**
     * Spark 3.5's own Java 17 module flags ({@code org.apache.spark.launcher.JavaModuleOptions}); {@code spark-submit}
     * adds them by itself, every other launch (embedded {@code local[*]}, IDE, tests) must pass them to {@code java}.
     */
    public static final List<String> JAVA_17_FLAGS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false");

    private SparkSupport() {}

    /**
     * The active session, or a new one on {@code master} (e.g. {@code local[2]}) with the UI off and
     * {@code shufflePartitions} shuffle partitions. Under {@code spark-submit} the submitted master wins.
     */
    public static SparkSession session(String master, String appName, int shufflePartitions) {
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
        if (master != null && !master.isBlank() && System.getProperty("spark.master") == null) b.master(master);
        return b.getOrCreate();
    }
}
