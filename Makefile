# Thin wrapper over Maven (through the wrapper, so a fresh machine needs only a JDK 17).
MVN ?= ./mvnw -B -ntp
JAR := target/spark-batch-operator.jar

.PHONY: help run test bench crd manifests fmt image helm-lint jar convert clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

run: ## Run the operator on an embedded cluster and watch crd/examples/spark-pi.yaml run on real Spark (ARGS="--keep | --simulated | FILE")
	$(MVN) -q test-compile exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=io.sparkbatch.operator.testing.LocalRun -Dexec.cleanupDaemonThreads=false \
	  -Dexec.args="$(ARGS)"

test: ## Run every test (what CI runs)
	$(MVN) verify

jar: ## Build the runnable jar (target/spark-batch-operator.jar)
	$(MVN) -q package -DskipTests -DskipSpark

bench: ## Measure the operator's cost per job (ARGS="--n 100,1000 --mode burst|rate --rate 20 --executors 2 --driver-runtime 1s")
	$(MVN) -q package -DskipTests -DskipSpark
	$(MVN) -q exec:java -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false \
	  -Dexec.mainClass=io.sparkbatch.operator.bench.Bench -Dexec.args="$(ARGS)"

convert: ## Convert spark-submit / EMR / kubeflow input to a SparkBatchJob: make convert ARGS="job.sh"
	@bin/sparkbatch convert $(ARGS)

crd: ## Regenerate crd/ and the chart's crds/ from the Java model
	$(MVN) -q test-compile exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=io.sparkbatch.operator.testing.CrdGeneration

fmt: ## Format the Java sources (google-java-format)
	$(MVN) -q spotless:apply

manifests: ## Regenerate the plain manifests in operator/manifests/ from the Helm chart
	$(MVN) -q test-compile exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=io.sparkbatch.operator.install.ManifestGeneration -Dexec.cleanupDaemonThreads=false

image: ## Build the operator image without a Docker daemon (jib) into target/spark-batch-operator-image.tar
	$(MVN) package -DskipTests -DskipSpark jib:buildTar

helm-lint: ## Lint and render the Helm chart with real Helm (the chart tests)
	$(MVN) test -Dtest='HelmChart*Test*' -Dsurefire.failIfNoSpecifiedTests=false

clean:
	$(MVN) -q clean
