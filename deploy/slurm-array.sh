#!/usr/bin/env bash
# redact run as a Slurm job array: 8 tasks, each redacting its shard of the
# production into one shared output folder. `--shard auto` reads
# SLURM_ARRAY_TASK_ID (counted from SLURM_ARRAY_TASK_MIN, in steps of
# SLURM_ARRAY_TASK_STEP) and SLURM_ARRAY_TASK_COUNT: give --array as one
# range (0-7, 1-8, 0-14:2), not a list. Resubmitting the array resumes from
# the journal in $OUT/.redact-job; `scontrol requeue JOBID_TASK` reruns one
# task's shard (a lone `--array=5` is an array of one task, which takes
# every document not yet done). Pseudonyms agree through the shared job
# key ($CONFIG/job.key, which must be private: chmod 600, or redact refuses
# it) and so do renamed outputs' names; merge the sealed mappings with
#   redact unseal -i KEY "$OUT"/.redact-job/mappings/*.age
#
# Each task runs deploy/Containerfile's image (IMAGE, default
# redact:0.1.0; build it on the nodes or pull it from your registry) with
# podman, rootless and with the network off; redact needs none. On nodes
# with the .deb installed instead, set REDACT=/usr/bin/redact to run it
# directly. Paths are the same inside and outside the container.
# Submit: sbatch deploy/slurm-array.sh
# Run on a private one-node Slurm by tests/install/slurm_test.sh (ctest
# Deploy.SlurmArray).
#SBATCH --job-name=redact
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --time=12:00:00
#SBATCH --output=redact-%A-%a.log
set -euo pipefail
IMAGE=${IMAGE:-redact:0.1.0}
IN=${IN:-/data/production/in}
OUT=${OUT:-/data/production/redacted}
CONFIG=${CONFIG:-/data/production/config}
if [ -n "${REDACT:-}" ]; then
  redact=("$REDACT")
else
  # The shard variables pass into the container; inputs and config
  # read-only, the output folder writable.
  redact=(podman run --rm --network=none --userns=keep-id
          -e SLURM_ARRAY_TASK_ID -e SLURM_ARRAY_TASK_MIN -e SLURM_ARRAY_TASK_MAX
          -e SLURM_ARRAY_TASK_STEP -e SLURM_ARRAY_TASK_COUNT
          -v "$IN:$IN:ro" -v "$CONFIG:$CONFIG:ro" -v "$OUT:$OUT" "$IMAGE")
fi
mkdir -p "$OUT"
exec "${redact[@]}" run "$IN" --out "$OUT" --shard auto --jobs "${SLURM_CPUS_PER_TASK:-2}" --verify \
  --progress json --names "$CONFIG/names.csv" --policy "$CONFIG/policy.toml" \
  --recipients-file "$CONFIG/recipients.txt" --job-key "$CONFIG/job.key"
