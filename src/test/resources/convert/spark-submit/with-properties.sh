spark-submit --deploy-mode cluster --properties-file job.properties \
  --conf spark.executor.memory=6g \
  --executor-memory 12g \
  local:///opt/spark/work/etl.py
