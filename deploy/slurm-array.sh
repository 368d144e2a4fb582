#!/usr/bin/env bash
# redact run as a Slurm job array: 8 tasks, each redacting its shard of the
# production into one shared output folder. `--shard auto` reads
# SLURM_ARRAY_TASK_ID (relative to SLURM_ARRAY_TASK_MIN) and
# SLURM_ARRAY_TASK_COUNT. Resubmitting the array (or one task) resumes from
# the journal in $OUT/.redact-job. Pseudonyms agree through the shared job
# key ($CONFIG/job.key, which must be private: chmod 600, or redact refuses
# it) and so do renamed outputs' names; merge the sealed mappings with
#   redact unseal -i KEY "$OUT"/.redact-job/mappings/*.age
# Submit: sbatch deploy/slurm-array.sh
#SBATCH --job-name=redact
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --time=12:00:00
#SBATCH --output=redact-%A-%a.log
set -euo pipefail
REDACT=${REDACT:-/opt/redact/build/bin/redact}
IN=${IN:-/data/production/in}
OUT=${OUT:-/data/production/redacted}
CONFIG=${CONFIG:-/data/production/config}
exec "$REDACT" run "$IN" --out "$OUT" --shard auto --jobs "${SLURM_CPUS_PER_TASK:-2}" --verify \
  --progress json --names "$CONFIG/names.csv" --policy "$CONFIG/policy.toml" \
  --recipients-file "$CONFIG/recipients.txt" --job-key "$CONFIG/job.key"
