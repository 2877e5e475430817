#!/usr/bin/env bash
# Nightly orders rollup, as the Airflow KubernetesPodOperator ran it before the migration.
/opt/spark/bin/spark-submit \
  --master k8s://https://ABCD1234EF.gr7.eu-west-1.eks.amazonaws.com \
  --deploy-mode cluster \
  --name daily-orders \
  --conf spark.driver.memory=4g \
  --conf spark.executor.instances=6 \
  --conf spark.executor.memory=8g \
  --conf spark.executor.cores=4 \
  --conf spark.kubernetes.container.image=123456789012.dkr.ecr.eu-west-1.amazonaws.com/spark-jobs:3.5.1-orders42 \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName=spark \
  --conf spark.kubernetes.namespace=data-jobs \
  --conf "spark.driver.extraJavaOptions=-XX:+UseG1GC -Duser.timezone=UTC" \
  --conf spark.kubernetes.driver.label.team=orders \
  --conf spark.kubernetes.executor.label.team=orders \
  --conf spark.kubernetes.node.selector.workload=spark \
  --conf spark.kubernetes.executor.node.selector.capacity=spot \
  --conf spark.hadoop.fs.s3a.aws.credentials.provider=com.amazonaws.auth.WebIdentityTokenCredentialsProvider \
  --conf spark.sql.shuffle.partitions=400 \
  --conf spark.sql.adaptive.enabled=true \
  --packages org.apache.hadoop:hadoop-aws:3.3.4 \
  --class com.example.orders.DailyOrders \
  local:///opt/spark/jars/app-assembly.jar \
  --date 2024-06-30 --output 's3a://acme-lake/orders/daily/'
