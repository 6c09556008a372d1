package io.finrec.recsys.spark.cli;

import io.finrec.core.dataset.BankFiles;
import io.finrec.core.dataset.BankTable;
import io.finrec.recsys.spark.SparkSupport;
import io.finrec.recsys.spark.prepare.PreparedData;
import io.finrec.recsys.spark.prepare.SparkPreparation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finrec-spark prepare}: bank tables to training inputs (id maps, matrices, vocabularies). */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Build the interaction and feature matrices from a bank dataset directory, on Spark.")
final class PrepareCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--bank", required = true,
            description = "Bank dataset directory (customers, accounts, transactions, interactions, products as .csv or .jsonl)")
    Path bank;
    @Option(names = "--out", required = true, description = "Output directory (Parquet tables + interactions.csv)")
    String out;
    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master when not under spark-submit")
    String master;

    @Override
    public Integer call() {
        SparkSession spark = SparkSupport.session(master, "finrec-spark prepare", 8);
        long t0 = System.nanoTime();
        PreparedData p = SparkPreparation.prepare(table(spark, BankTable.CUSTOMERS), table(spark, BankTable.ACCOUNTS),
                table(spark, BankTable.TRANSACTIONS), table(spark, BankTable.INTERACTIONS),
                table(spark, BankTable.PRODUCTS));
        p.write(out);
        spec.commandLine().getErr().printf("finrec-spark prepare: %d users, %d items, %d interactions -> %s (%.1fs)%n",
                p.users().count(), p.items().count(), p.interactions().count(), out, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private Dataset<Row> table(SparkSession spark, BankTable t) {
        Path csv = BankFiles.file(bank, t, BankFiles.Format.CSV);
        if (Files.exists(csv))
            return spark.read().option("header", "true").option("mode", "FAILFAST").csv(csv.toString());
        Path jsonl = BankFiles.file(bank, t, BankFiles.Format.JSONL);
        if (Files.exists(jsonl)) return spark.read().option("mode", "FAILFAST").json(jsonl.toString());
        throw new IllegalArgumentException("--bank: " + bank + " has no " + csv.getFileName() + " or "
                + jsonl.getFileName());
    }
}
