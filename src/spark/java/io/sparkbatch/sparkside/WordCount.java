package io.sparkbatch.sparkside;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A DataFrame job with a shuffle: counts the words of generated lines with a groupBy over
 * {@code partitions} partitions (so rows move between executors), then prints one line per word,
 * "word-count <word> <count>", sorted by word, and a check line "word-count total <n>".
 *
 * <p>Arguments: [lines (default 20000)] [partitions (default 4)]. Line i holds the words "w(i mod
 * 7)" and "w(i mod 11)", so the expected counts are known to the test that runs it.
 */
public final class WordCount {
  private WordCount() {}

  public static void main(String[] args) {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    SparkSession spark = SparkSession.builder().appName("word-count").getOrCreate();
    spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(partitions));
    Dataset<String> text =
        spark
            .range(0, lines, 1, partitions)
            .map(
                (org.apache.spark.api.java.function.MapFunction<Long, String>)
                    i -> "w" + (i % 7) + " w" + (i % 11),
                Encoders.STRING());
    Dataset<Row> counts =
        text.select(explode(split(col("value"), " ")).as("word"))
            .groupBy("word")
            .count()
            .orderBy("word");
    List<Row> rows = counts.collectAsList();
    long total = 0;
    for (Row row : rows) {
      System.out.println("word-count " + row.getString(0) + " " + row.getLong(1));
      total += row.getLong(1);
    }
    System.out.println("word-count total " + total);
    spark.stop();
  }
}
