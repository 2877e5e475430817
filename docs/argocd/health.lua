-- Argo CD health of a sparkbatch.io SparkBatchJob, from the status the operator writes.
-- Install: see argocd-cm.yaml next to this file, and docs/install.md ("GitOps with Argo CD").
--
-- Pending, Submitted, Running, Retrying -> Progressing
-- Succeeded                             -> Healthy
-- Failed                                -> Degraded (an invalid spec is a failure too)
-- No status yet, or a status written for an older spec -> Progressing
-- SparkBatchJob has no suspend field, so Suspended never applies.
local hs = {}

local function describe(status, fallback)
  local text = status.message
  if text == nil or text == "" then
    text = fallback
  end
  if status.reason ~= nil and status.reason ~= "" then
    return status.reason .. ": " .. text
  end
  return text
end

if obj.status == nil or obj.status.phase == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to accept the job"
  return hs
end

local status = obj.status
local generation = obj.metadata and obj.metadata.generation
-- After a spec change the old phase says nothing about the new spec until the operator catches up.
if generation ~= nil and status.observedGeneration ~= nil and status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
  return hs
end

local phase = status.phase
if phase == "Succeeded" then
  hs.status = "Healthy"
  hs.message = describe(status, "Succeeded")
elseif phase == "Failed" then
  hs.status = "Degraded"
  hs.message = describe(status, "Failed")
elseif phase == "Pending" or phase == "Submitted" or phase == "Running" or phase == "Retrying" then
  hs.status = "Progressing"
  hs.message = describe(status, phase)
else
  -- A phase this script does not know (a newer operator): say so rather than guess.
  hs.status = "Unknown"
  hs.message = "Unknown phase " .. tostring(phase)
end
return hs
