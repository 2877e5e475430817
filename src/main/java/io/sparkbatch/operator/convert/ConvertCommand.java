package io.sparkbatch.operator.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code convert}: turns a spark-submit command line, an EMR on EKS StartJobRun request, an EMR
 * step or a kubeflow SparkApplication into a SparkBatchJob manifest. YAML goes to stdout, warnings
 * (what was not carried over, and what to do instead) to stderr, so that {@code convert job.sh >
 * job.yaml} leaves a clean manifest.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Converts a spark-submit command line (shell or Airflow argument list), an EMR on EKS"
          + " StartJobRun request, an EMR step or a kubeflow SparkApplication into a"
          + " SparkBatchJob.",
      "Prints the SparkBatchJob YAML on stdout and one 'warning: <field>: <message>' line on"
          + " stderr per setting that was not carried over as it was."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:converted (warnings may have been printed)",
      "1:the input could not be read or converted (the message names the line or field)",
      "2:invalid command line"
    })
public final class ConvertCommand implements Callable<Integer> {

  @Option(
      names = "--from",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description = "spark-submit, emr-job-run, emr-step or kubeflow. Detected when omitted.")
  SourceFormat from;

  @Option(names = "--name", description = "metadata.name of the job (default: from the input).")
  String name;

  @Option(names = "--namespace", description = "metadata.namespace of the job.")
  String namespace;

  @Option(names = "--image", description = "spec.image: the Spark image to run.")
  String image;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "The input file, or - for stdin.")
  String input;

  @Spec CommandSpec spec;

  private final InputStream stdin;

  public ConvertCommand() {
    this(System.in);
  }

  ConvertCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String text;
    Path baseDir;
    try {
      if (input.equals("-")) {
        text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        baseDir = Path.of("");
      } else {
        Path file = Path.of(input);
        text = Files.readString(file);
        baseDir = file.toAbsolutePath().getParent();
      }
    } catch (IOException e) {
      err.println("error: cannot read " + input + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    try {
      SourceFormat format = from;
      if (format == null) {
        SourceFormat.Detection detection = SourceFormat.detect(text);
        format = detection.format();
        err.println("detected --from " + format.cliName() + ": " + detection.reason());
      }
      Conversion conversion =
          JobConverter.convert(
              format, text, baseDir, new JobConverter.Options(name, namespace, image));
      conversion.warnings().forEach(w -> err.println(w.format()));
      out.print(JobYamlWriter.write(conversion.job()));
      return 0;
    } catch (ConversionException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Runs the command as the jar would, on the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /** As {@link #run(String[], PrintStream, PrintStream)}, reading "-" from the given stdin. */
  public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    CommandLine command = new CommandLine(new ConvertCommand(stdin));
    PrintWriter outWriter =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    command.setOut(outWriter);
    command.setErr(errWriter);
    int code = command.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Reads --from by the names users type. */
  static final class FormatConverter implements CommandLine.ITypeConverter<SourceFormat> {
    @Override
    public SourceFormat convert(String value) {
      try {
        return SourceFormat.fromCliName(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
