arguments=[
    "--master", "k8s://https://kubernetes.default.svc:443",
    "--deploy-mode", "cluster",
    "--name", "daily-orders",
    "--class", "com.example.orders.DailyOrders",
    "--conf", "spark.executor.instances=6",
    "--conf", "spark.executor.memory=8g",
    "--conf", "spark.executor.cores=4",
    "--conf", "spark.kubernetes.container.image="
    "123456789012.dkr.ecr.eu-west-1.amazonaws.com/spark-jobs:3.5.1-orders42",
    "--conf", "spark.kubernetes.namespace=data-jobs",
    "--conf", 'spark.dynamicAllocation.enabled=true',
    "--conf", "spark.dynamicAllocation.maxExecutors=20",
    "--packages", "org.apache.hadoop:hadoop-aws:3.3.4",
    "local:///opt/spark/jars/app-assembly.jar",
    "--date", "{{ ds }}",  # Airflow renders the date
],
