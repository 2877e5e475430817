package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Extra dependencies of the application, as spark-submit's --jars, --files, --py-files, --packages,
 * --repositories, --exclude-packages and --archives take them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Dependencies {

  @JsonPropertyDescription("Jars added to the driver and executor classpaths (spark.jars).")
  private List<String> jars;

  @JsonPropertyDescription("Files placed in the working directory of each executor (spark.files).")
  private List<String> files;

  @JsonPropertyDescription(
      "Python files (.py, .zip, .egg) added to the PYTHONPATH (spark.submit.pyFiles).")
  private List<String> pyFiles;

  @JsonPropertyDescription(
      "Maven coordinates groupId:artifactId:version resolved at start (spark.jars.packages).")
  private List<String> packages;

  @JsonPropertyDescription(
      "Extra Maven repositories searched for packages (spark.jars.repositories).")
  private List<String> repositories;

  @JsonPropertyDescription(
      "groupId:artifactId pairs excluded when resolving packages (spark.jars.excludes).")
  private List<String> excludePackages;

  @JsonPropertyDescription(
      "Archives extracted into the working directory of each executor (spark.archives).")
  private List<String> archives;

  public List<String> getJars() {
    return jars;
  }

  public void setJars(List<String> jars) {
    this.jars = jars;
  }

  public List<String> getFiles() {
    return files;
  }

  public void setFiles(List<String> files) {
    this.files = files;
  }

  public List<String> getPyFiles() {
    return pyFiles;
  }

  public void setPyFiles(List<String> pyFiles) {
    this.pyFiles = pyFiles;
  }

  public List<String> getPackages() {
    return packages;
  }

  public void setPackages(List<String> packages) {
    this.packages = packages;
  }

  public List<String> getRepositories() {
    return repositories;
  }

  public void setRepositories(List<String> repositories) {
    this.repositories = repositories;
  }

  public List<String> getExcludePackages() {
    return excludePackages;
  }

  public void setExcludePackages(List<String> excludePackages) {
    this.excludePackages = excludePackages;
  }

  public List<String> getArchives() {
    return archives;
  }

  public void setArchives(List<String> archives) {
    this.archives = archives;
  }
}
