spark-submit --master k8s://https://API_SERVER --deploy-mode cluster --name NAME \
  --conf spark.driver.memory=... --conf spark.executor.instances=... \
  --conf spark.executor.memory=... --conf spark.executor.cores=... \
  --conf spark.kubernetes.container.image=REPO/IMAGE:TAG \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName=spark \
  --class MAIN_CLASS local:///opt/spark/jars/app-assembly.jar ARGS...
